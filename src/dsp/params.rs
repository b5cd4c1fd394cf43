//! Parameter validation shared by every stage: orch rejects out-of-range values
//! (the Python service clamped them silently).

use std::fmt;

/// A parameter value outside its allowed range, or otherwise invalid.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamError {
    /// Stage name, e.g. `compression`.
    pub stage: &'static str,
    /// Parameter name, e.g. `ratio` or `bands[2].gain_db`.
    pub param: String,
    /// The offending value as the user wrote it.
    pub value: String,
    /// What is allowed, e.g. `1 to 20` or `one of: light, moderate`.
    pub allowed: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stage `{}`: parameter `{}` = {} is invalid (allowed: {})",
            self.stage, self.param, self.value, self.allowed
        )
    }
}

impl std::error::Error for ParamError {}

impl From<ParamError> for crate::Error {
    fn from(e: ParamError) -> Self {
        crate::Error::Invalid(e.to_string())
    }
}

/// Check that `value` lies in `min..=max` (and is finite).
pub fn check_range(
    stage: &'static str,
    param: &str,
    value: f64,
    min: f64,
    max: f64,
) -> Result<(), ParamError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(())
    } else {
        Err(ParamError {
            stage,
            param: param.to_string(),
            value: fmt_num(value),
            allowed: format!("{} to {}", fmt_num(min), fmt_num(max)),
        })
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Convert decibels to a linear amplitude factor.
#[inline]
pub fn db_to_lin(db: f32) -> f32 {
    10f32.powf(db / 20.0)
}

/// Convert a linear amplitude to decibels (`-inf` for 0).
#[inline]
pub fn lin_to_db(lin: f32) -> f32 {
    20.0 * lin.log10()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_error_names_everything() {
        let e = check_range("compression", "ratio", 0.5, 1.0, 20.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "stage `compression`: parameter `ratio` = 0.5 is invalid (allowed: 1 to 20)"
        );
        assert!(check_range("x", "y", f64::NAN, 0.0, 1.0).is_err());
        assert!(check_range("x", "y", 1.0, 0.0, 1.0).is_ok());
    }
}
