//! analysis (see the module files).
