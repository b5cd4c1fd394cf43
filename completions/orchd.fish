complete -c orchd -l socket -d 'Socket path [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orchd -l data-dir -d 'Data directory holding the database [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orchd -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orchd -l log-level -d 'Log level or filter (error, warn, info, debug, trace) [default: from config; RUST_LOG wins]' -r
complete -c orchd -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orchd -s V -l version -d 'Print version'
