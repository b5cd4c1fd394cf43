//! Who said a line, from a meeting's speaking events: each `speaking` event names the
//! active speaker from its time until the next one; the line goes to the participant
//! who was active longest during it, with that share of the line as the confidence.

/// The participant active longest during `start..end` (Unix seconds), and the share of
/// the line they cover. `events` are (time, name) of `speaking` events in time order,
/// including the last one before `start`.
pub fn attribute(events: &[(f64, String)], start: f64, end: f64) -> Option<(String, f64)> {
    let len = (end - start).max(1e-3);
    let mut best: Option<(&str, f64)> = None;
    let mut totals: Vec<(&str, f64)> = Vec::new();
    for (i, (t, name)) in events.iter().enumerate() {
        let until = events.get(i + 1).map_or(f64::INFINITY, |e| e.0);
        let overlap = until.min(end) - t.max(start);
        if overlap <= 0.0 {
            continue;
        }
        match totals.iter_mut().find(|(n, _)| n == name) {
            Some((_, s)) => *s += overlap,
            None => totals.push((name, overlap)),
        }
    }
    for (n, s) in totals {
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((n, s));
        }
    }
    best.map(|(n, s)| (n.to_string(), (s / len).min(1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_active_speaker_gets_the_line() {
        let ev = vec![
            (100.0, "Ana".to_string()),
            (103.0, "Ben".into()),
            (104.0, "Ana".into()),
        ];
        // 102..106: Ana 1 s + 2 s, Ben 1 s.
        let (who, conf) = attribute(&ev, 102.0, 106.0).unwrap();
        assert_eq!(who, "Ana");
        assert!((conf - 0.75).abs() < 1e-9);
        // Before anyone spoke: nobody.
        assert_eq!(attribute(&ev, 90.0, 95.0), None);
        // Ben alone.
        assert_eq!(
            attribute(&ev, 103.2, 103.8).map(|a| a.0),
            Some("Ben".into())
        );
    }
}
