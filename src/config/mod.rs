//! config (see the module files).
