//! Signal-processing primitives shared by the analyzers (`analysis`) and the realtime
//! engine (`dsp`): filters whose job is the same in both. Nothing here knows about
//! stages, chains or reports.

pub mod biquad;
