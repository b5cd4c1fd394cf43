//! Default locations of the socket, data, config and log files.
