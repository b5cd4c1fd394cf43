//! store (see the module files).
