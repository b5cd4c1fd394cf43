//! protocol (see the module files).
