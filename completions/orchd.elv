
use builtin;
use str;

set edit:completion:arg-completer[orchd] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'orchd'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'orchd'= {
            cand --socket 'Socket path [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --data-dir 'Data directory holding the database [default: $XDG_DATA_HOME/orch]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --log-level 'Log level or filter (error, warn, info, debug, trace) [default: from config; RUST_LOG wins]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
    ]
    $completions[$command]
}
