//! Ages and points in time on the command line: `--since 12h`, `--since 2026-12-03`,
//! `--older-than 7d`. Every value becomes an age in seconds before now.

/// `90`, `30s`, `15m`, `12h`, `7d` into seconds.
pub fn parse_age(s: &str) -> std::result::Result<f64, String> {
    let s = s.trim();
    let (num, mult) = match s.chars().last() {
        Some('s') => (&s[..s.len() - 1], 1.0),
        Some('m') => (&s[..s.len() - 1], 60.0),
        Some('h') => (&s[..s.len() - 1], 3600.0),
        Some('d') => (&s[..s.len() - 1], 86400.0),
        _ => (s, 1.0),
    };
    match num.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n * mult),
        _ => Err(format!("`{s}` is not a duration like 30s, 15m, 12h or 7d")),
    }
}

/// An age (as [`parse_age`]) or a time: `2026-12-03`, `2026-12-03T14:30`,
/// `2026-12-03 14:30:15`, local time unless it ends in `Z` or `+HH:MM`/`-HH:MM`.
/// Returns the age in seconds; a time in the future is an error.
pub fn parse_since(s: &str) -> std::result::Result<f64, String> {
    let t = s.trim();
    if !(t.len() >= 10 && t.as_bytes()[4] == b'-') {
        return parse_age(t).map_err(|_| {
            format!("`{t}` is not an age (30s, 15m, 12h, 7d) or a time (2026-12-03 14:30)")
        });
    }
    let at = parse_time(t, local_offset_s())?;
    let age = orch::protocol::now_unix() - at;
    if age < 0.0 {
        return Err(format!("`{t}` is in the future"));
    }
    Ok(age)
}

/// Unix seconds of `YYYY-MM-DD[( |T)HH:MM[:SS]][Z|±HH:MM]`; without a zone the time is
/// `local_offset_s` seconds east of UTC.
fn parse_time(t: &str, local_offset_s: i64) -> std::result::Result<f64, String> {
    let bad =
        || format!("`{t}` is not a time like 2026-12-03, 2026-12-03T14:30 or 2026-12-03 14:30:15Z");
    let num = |s: &str| s.parse::<i64>().map_err(|_| bad());
    let (date, rest) = t.split_at(10);
    let mut d = date.split('-');
    let (y, m, day) = (
        num(d.next().ok_or_else(bad)?)?,
        num(d.next().ok_or_else(bad)?)?,
        num(d.next().ok_or_else(bad)?)?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return Err(bad());
    }
    let rest = rest.trim_start_matches([' ', 'T']);
    // The zone: Z, +HH:MM or -HH:MM at the end.
    let (clock, offset) = if let Some(c) = rest.strip_suffix('Z') {
        (c, 0)
    } else if rest.len() >= 6 && matches!(rest.as_bytes()[rest.len() - 6], b'+' | b'-') {
        let (c, z) = rest.split_at(rest.len() - 6);
        let sign = if z.starts_with('-') { -1 } else { 1 };
        let (h, mi) = z[1..].split_once(':').ok_or_else(bad)?;
        (c, sign * (num(h)? * 3600 + num(mi)? * 60))
    } else {
        (rest, local_offset_s)
    };
    let mut parts = if clock.is_empty() {
        Vec::new()
    } else {
        clock.split(':').collect()
    };
    parts.resize(3, "0");
    let (h, mi, sec) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
    if !(0..24).contains(&h) || !(0..60).contains(&mi) || !(0..61).contains(&sec) {
        return Err(bad());
    }
    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Ok((days * 86_400 + h * 3600 + mi * 60 + sec - offset) as f64)
}

/// Seconds the local time zone is east of UTC now.
fn local_offset_s() -> i64 {
    let now = orch::protocol::now_unix() as libc::time_t;
    // SAFETY: localtime_r writes into `tm`, which lives across the call; `now` is valid.
    #[allow(unsafe_code)]
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&now, &mut tm).is_null() {
            return 0;
        }
        tm
    };
    tm.tm_gmtoff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_parse() {
        assert_eq!(parse_age("90").unwrap(), 90.0);
        assert_eq!(parse_age("15m").unwrap(), 900.0);
        assert_eq!(parse_age("7d").unwrap(), 604_800.0);
        assert!(parse_age("soon").is_err());
        assert!(parse_age("-1h").is_err());
    }

    #[test]
    fn times_parse_with_and_without_zones() {
        assert_eq!(parse_time("1970-01-01", 0).unwrap(), 0.0);
        assert_eq!(
            parse_time("2026-12-03T14:30:15Z", 3600).unwrap(),
            1_796_308_215.0
        );
        assert_eq!(
            parse_time("2026-12-03 14:30:15+01:00", 0).unwrap(),
            1_796_304_615.0
        );
        // No zone: local time, here one hour east of UTC.
        assert_eq!(
            parse_time("2026-12-03 14:30", 3600).unwrap(),
            1_796_304_600.0
        );
        assert_eq!(parse_time("2000-02-29", 0).unwrap(), 951_782_400.0);
        for bad in [
            "2026-13-01",
            "2026-12-03 25:00",
            "2026-12-03T1x:00",
            "2026-12-03 14:30+0100",
        ] {
            assert!(parse_time(bad, 0).is_err(), "{bad}");
        }
        assert!(parse_since("2999-01-01").unwrap_err().contains("future"));
        assert!(parse_since("1h").unwrap() == 3600.0);
        assert!(parse_since("2020-01-01").unwrap() > 0.0);
    }
}
