
use builtin;
use str;

set edit:completion:arg-completer[orch] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'orch'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'orch'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Show the daemon''s version, uptime, pid, socket, data dir, schema version and counts'
            cand daemon 'Start, stop and inspect the orchd daemon'
            cand config 'Show, check and reload the configuration'
            cand db 'Inspect the daemon''s SQLite database'
            cand bot 'Spawn, watch and terminate audio bots'
            cand events 'Stream bot state changes, alerts and participant events as they happen'
            cand analytics 'Sessions and processing performance of bots and the daemon'
            cand analyze 'Measure loudness (EBU R128), true peak, spectrum and quality of audio files'
            cand process 'Run the DSP chain over an audio file and write a WAV'
            cand normalize 'Normalize the loudness of audio files (two-pass, EBU R128 / BS.1770)'
            cand preset 'Manage DSP presets: 13 read-only built-ins and your own, stored by orchd'
            cand translate 'Translate text through the configured engine (`[translation]`, Apertium by default)'
            cand transcribe 'Transcribe audio files through the configured speech-to-text engine'
            cand transcript 'Show or export the transcript of a bot''s session (bots spawned with --transcribe)'
            cand captions 'Follow a bot''s live captions: each line, then its translations as they arrive'
            cand speakers 'List a session''s speakers, or give a speaker label a name'
            cand webcam 'A bot''s virtual webcam: live captions as video (Y4M, v4l2loopback, PNG)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;status'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --system 'Also show what the daemon and each live bot use of the machine: CPU, memory, threads, open files, the data directory''s size and the free disk (always in `--json`, as `system`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start orchd in the background (a no-op when it already runs)'
            cand stop 'Stop orchd gracefully and wait until it has exited'
            cand status 'Say whether orchd is running (exit code 3 when it is not)'
            cand logs 'Show orchd''s recent log lines'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;daemon;start'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon;stop'= {
            cand --timeout 'Seconds to wait for the daemon to exit'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon;status'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon;logs'= {
            cand -n 'How many recent lines to show'
            cand --lines 'How many recent lines to show'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand -f 'Keep printing new lines until interrupted'
            cand --follow 'Keep printing new lines until interrupted'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon;help'= {
            cand start 'Start orchd in the background (a no-op when it already runs)'
            cand stop 'Stop orchd gracefully and wait until it has exited'
            cand status 'Say whether orchd is running (exit code 3 when it is not)'
            cand logs 'Show orchd''s recent log lines'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;daemon;help;start'= {
        }
        &'orch;daemon;help;stop'= {
        }
        &'orch;daemon;help;status'= {
        }
        &'orch;daemon;help;logs'= {
        }
        &'orch;daemon;help;help'= {
        }
        &'orch;config'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print the effective configuration (file, environment and flags applied) as TOML'
            cand check 'Validate a configuration file (default: the one orch would read)'
            cand path 'Print the path of the configuration file orch reads'
            cand reload 'Make the running daemon re-read its configuration file (like SIGHUP)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;config;show'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --daemon 'Show the configuration the running daemon uses instead'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;config;check'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;config;path'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;config;reload'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;config;help'= {
            cand show 'Print the effective configuration (file, environment and flags applied) as TOML'
            cand check 'Validate a configuration file (default: the one orch would read)'
            cand path 'Print the path of the configuration file orch reads'
            cand reload 'Make the running daemon re-read its configuration file (like SIGHUP)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;config;help;show'= {
        }
        &'orch;config;help;check'= {
        }
        &'orch;config;help;path'= {
        }
        &'orch;config;help;reload'= {
        }
        &'orch;config;help;help'= {
        }
        &'orch;db'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Show the database file, its schema version, size, row counts, the history kept (events, statistics, transcripts, logs on disk) and the retention setting'
            cand cleanup 'Delete bots that ended long ago with everything of their sessions: events, statistics, chunks, transcripts, translations, analyses and log files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;db;status'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;db;cleanup'= {
            cand --older-than 'Only bots that ended longer ago than this: 30s, 15m, 12h, 7d (default: 7d)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;db;help'= {
            cand status 'Show the database file, its schema version, size, row counts, the history kept (events, statistics, transcripts, logs on disk) and the retention setting'
            cand cleanup 'Delete bots that ended long ago with everything of their sessions: events, statistics, chunks, transcripts, translations, analyses and log files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;db;help;status'= {
        }
        &'orch;db;help;cleanup'= {
        }
        &'orch;db;help;help'= {
        }
        &'orch;bot'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand spawn 'Spawn a bot and print its id'
            cand list 'List bots (live ones unless --all)'
            cand status 'Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS'
            cand terminate 'Stop a bot gracefully (then kill it after --timeout), and wait until it has ended'
            cand logs 'Show a live bot''s log'
            cand watch 'A live table of all bots, refreshed every second, like top (Ctrl-C ends it)'
            cand cleanup 'Delete ended bots with their whole history (the same as `orch db cleanup`)'
            cand config 'Show a bot''s effective settings; --set changes a running bot''s preset, leave rules or transcription at once, without restarting it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;bot;spawn'= {
            cand --kind 'Kind of bot'
            cand --source 'Audio file (file bots) or shell command line or named template from `[bots.commands]` (command bots)'
            cand --meeting-url 'Meeting URL (meeting bots)'
            cand --platform 'Meeting platform (meeting bots)'
            cand --name 'A name for the bot (default: its id)'
            cand --preset 'DSP preset (default: `default`)'
            cand --language 'Spoken language, e.g. en or pt-BR (sent to the transcription engine)'
            cand --target-language 'Languages to translate into (repeatable)'
            cand --glossary 'A glossary for this bot''s translations (TOML, as `translation.glossary`), used instead of the configured one'
            cand --dedup-key 'Refuse to spawn while a live bot has the same key (the same meeting twice)'
            cand --speed 'Playback speed of a file bot (1 = real time)'
            cand --format 'The command writes raw PCM of this format (otherwise a container such as WAV, FLAC, MP3 or Ogg is expected)'
            cand --rate 'Sample rate of raw PCM'
            cand --channels 'Channels of raw PCM'
            cand --max-duration 'End the bot after this many seconds of audio (default: bots.max_duration_s)'
            cand --silence-timeout 'End the bot after this many seconds without speech (default: bots.silence_timeout_s)'
            cand --webcam-output 'Where the webcam''s frames go: y4m:PATH (a file or a FIFO) or v4l2:/dev/videoN'
            cand --webcam-set 'A webcam setting (mode=sidebar, theme=light, size=1920x1080, fps=25...; see `orch webcam config`). Repeat for several'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --transcribe 'Transcribe the cleaned audio through `[transcription]`''s engine; the lines are stored and sent as `transcript` events (`orch transcript show BOT --follow`)'
            cand --loop 'Replay a file bot''s file forever'
            cand --webcam 'Start a virtual webcam with the bot (stopped with it): its captions as video'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;bot;list'= {
            cand --state 'Only bots in this state'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --all 'Include ended bots'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;bot;status'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;bot;terminate'= {
            cand --timeout 'Seconds to wait for a graceful stop before killing (default: bots.terminate_timeout_s)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --force 'Kill at once'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;bot;logs'= {
            cand -n 'How many recent lines'
            cand --lines 'How many recent lines'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand -f 'Keep printing new lines until the bot ends or Ctrl-C'
            cand --follow 'Keep printing new lines until the bot ends or Ctrl-C'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;bot;watch'= {
            cand --interval 'Seconds between refreshes'
            cand --count 'Stop after this many refreshes (default: until Ctrl-C)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;bot;cleanup'= {
            cand --older-than 'Only bots that ended longer ago than this: 30s, 15m, 12h, 7d (default: 7d)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;bot;config'= {
            cand --set 'Change a setting of the running bot, applied at once and stored: preset=NAME, max_duration_s=S, silence_timeout_s=S, transcribe=true|false (start, pause or resume), target_languages=es,fr (a transcribing bot''s captions; empty: none), webcam=on|off, webcam.KEY=VALUE (a webcam setting: see `orch webcam config`). Repeat for several; an unknown key or a bad value changes nothing (exit 5)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;bot;help'= {
            cand spawn 'Spawn a bot and print its id'
            cand list 'List bots (live ones unless --all)'
            cand status 'Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS'
            cand terminate 'Stop a bot gracefully (then kill it after --timeout), and wait until it has ended'
            cand logs 'Show a live bot''s log'
            cand watch 'A live table of all bots, refreshed every second, like top (Ctrl-C ends it)'
            cand cleanup 'Delete ended bots with their whole history (the same as `orch db cleanup`)'
            cand config 'Show a bot''s effective settings; --set changes a running bot''s preset, leave rules or transcription at once, without restarting it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;bot;help;spawn'= {
        }
        &'orch;bot;help;list'= {
        }
        &'orch;bot;help;status'= {
        }
        &'orch;bot;help;terminate'= {
        }
        &'orch;bot;help;logs'= {
        }
        &'orch;bot;help;watch'= {
        }
        &'orch;bot;help;cleanup'= {
        }
        &'orch;bot;help;config'= {
        }
        &'orch;bot;help;help'= {
        }
        &'orch;events'= {
            cand --bot 'Only events of this bot (id, unique prefix or name)'
            cand --history 'Print this many stored events first'
            cand --since 'Print the stored events of this long ago and later first (state changes, alerts, participants, also of bots that ended): 30m, 12h, 7d, or a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --no-follow 'Print the stored history and exit instead of following'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;analytics'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sessions 'Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason'
            cand bot 'One bot: its sessions, current processing figures, and the 10 s processing windows of its newest session (block times, drops, realtime factor), with a chart of the block time'
            cand performance 'Per-bot processing time per block (p50, p95, p99), realtime factor, dropped blocks, restarts; daemon CPU, memory and bot counts; and every session''s worst window (ended sessions too)'
            cand analyses 'Stored analysis reports: each bot session''s (when a run ends) and files saved with `orch analyze --save`; `--id N` prints one report in full'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;analytics;sessions'= {
            cand --since 'Only sessions started within this long (30m, 12h, 7d) or since a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;analytics;bot'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;analytics;performance'= {
            cand --bot 'Only this bot (id, unique prefix or name)'
            cand --since 'Only sessions started within this long (30m, 12h, 7d) or since a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;analytics;analyses'= {
            cand --since 'Only reports stored within this long (30m, 12h, 7d) or since a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all)'
            cand --id 'Print this report in full (the `orch analyze --json` object)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;analytics;help'= {
            cand sessions 'Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason'
            cand bot 'One bot: its sessions, current processing figures, and the 10 s processing windows of its newest session (block times, drops, realtime factor), with a chart of the block time'
            cand performance 'Per-bot processing time per block (p50, p95, p99), realtime factor, dropped blocks, restarts; daemon CPU, memory and bot counts; and every session''s worst window (ended sessions too)'
            cand analyses 'Stored analysis reports: each bot session''s (when a run ends) and files saved with `orch analyze --save`; `--id N` prints one report in full'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;analytics;help;sessions'= {
        }
        &'orch;analytics;help;bot'= {
        }
        &'orch;analytics;help;performance'= {
        }
        &'orch;analytics;help;analyses'= {
        }
        &'orch;analytics;help;help'= {
        }
        &'orch;analyze'= {
            cand --fft-size 'FFT size of the averaged spectrum: a power of two from 256 to 65536'
            cand --peaks 'How many spectral peaks to list'
            cand --plot 'Draw the spectrum and the loudness over time into an image: SVG or PNG after the extension. With several files, each image is named OUT-<file stem>.svg (or .png)'
            cand --target 'Loudness target the recommendations refer to, in LUFS (-70 to 0)'
            cand --format 'Sample format of raw PCM on stdin (`-`)'
            cand --rate 'Sample rate of raw PCM on stdin, in Hz (8000 to 192000)'
            cand --channels 'Channel count of raw PCM on stdin (1 to 8)'
            cand -j 'Files analysed at once [default: the number of cores]'
            cand --jobs 'Files analysed at once [default: the number of cores]'
            cand --live 'Live meters ten times a second from a running bot (its id) or from raw PCM on stdin streamed through the daemon (`-`, with --format, --rate and --channels). Ctrl-C ends it and prints the summary'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --timeline 'Add momentary and short-term loudness and the level every 100 ms'
            cand --dual-mono 'Count a mono channel twice, as if played on two loudspeakers (a -23 dBFS mono sine then reads -23 LUFS instead of -26)'
            cand --save 'Also store each report in orchd''s database (`orch analytics analyses` lists them; the daemon is started when none runs)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;process'= {
            cand --output-format 'Output file format, whatever the name says [default: from OUT''s extension, WAV when it names no format]'
            cand --preset 'Chain preset: a built-in (`orch preset list`) or a user preset (looked up through orchd) [default: the configured `dsp.default_preset`, itself `default`]'
            cand --chain 'Chain file (TOML, `version = 1` and `[[stage]]` tables; see docs/chain.md)'
            cand --bypass 'Disable a stage of the chain (repeatable, or comma-separated)'
            cand --only 'Run only this stage (enabled even if the chain disables it)'
            cand --block-size 'Frames per processing block (1 to 65536); the output does not depend on it'
            cand --format 'Output sample format [default: s16 for up to 16-bit and lossy input, s24 for deeper integers, f32 for float input (s24 in FLAC, which stores integers)]'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --report 'Print per-stage metrics and loudness, true peak and SNR before and after'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;normalize'= {
            cand --out-dir 'Write `<input stem>.wav` (`.flac` with `--output-format flac`) files into this folder (created if missing)'
            cand --target 'Integrated loudness target: LUFS from -70 to -5, or a name: broadcast_tv (-23), broadcast_radio (-16), podcast (-18), streaming (-14), youtube (-14), netflix (-27)'
            cand --true-peak 'True-peak ceiling in dBTP (-9 to 0); the output never passes it'
            cand --lra 'Loudness range the result should stay within, in LU (1 to 50). orch does not compress: a wider input is reported, not changed'
            cand --format 'Output sample format [default: from the input, as `orch process`]'
            cand --output-format 'Output file format, whatever the name says [default: from OUT''s extension, WAV when it names no format; `.mp3` and other formats orch does not write are refused]'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List every preset: name, category, built-in or user, stages enabled, description'
            cand show 'Show one preset: a summary and each stage''s switch, gains and changed parameters'
            cand create 'Create a user preset from another preset, changing parameters with --set'
            cand update 'Change a user preset''s parameters, description or category (built-ins are read-only)'
            cand rename 'Rename a user preset'
            cand delete 'Delete a user preset'
            cand export 'Write a preset as a versioned TOML file (stdout by default)'
            cand import 'Store a preset file as a user preset'
            cand diff 'Show the parameters that differ between two presets'
            cand compare 'Run an audio file through several presets and compare the results side by side'
            cand apply 'Switch a running bot to this preset, without a click or gap'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;preset;list'= {
            cand --category 'Only presets of this category (voice, music, broadcast, real_time, general, ...)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;show'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --toml 'Print the preset file (as `orch preset export` writes it; wins over --json)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;create'= {
            cand --from 'The preset to start from (built-in or user)'
            cand -d 'One-line description [default: "Derived from `BASE`"]'
            cand --description 'One-line description [default: "Derived from `BASE`"]'
            cand -c 'Category [default: the base''s]'
            cand --category 'Category [default: the base''s]'
            cand --set 'Change a parameter: stage.param=value (repeatable). Also `stage.enabled`, `stage.gain_in_db`, `stage.gain_out_db`, and list entries such as `equalizer.bands[0].gain_db`'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;update'= {
            cand -d 'New one-line description'
            cand --description 'New one-line description'
            cand -c 'New category'
            cand --category 'New category'
            cand --set 'Change a parameter: stage.param=value (repeatable)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;rename'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;delete'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;export'= {
            cand -o 'Write to this file instead of stdout'
            cand --output 'Write to this file instead of stdout'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;import'= {
            cand --name 'Store under this name instead of the file''s'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --replace 'Overwrite a user preset of the same name'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;diff'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;compare'= {
            cand -f 'The audio file (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A)'
            cand --file 'The audio file (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A)'
            cand --write-dir 'Keep each processed file as DIR/<file stem>.<preset>.wav'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;apply'= {
            cand --bot 'The running bot (id, unique prefix or name)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;preset;help'= {
            cand list 'List every preset: name, category, built-in or user, stages enabled, description'
            cand show 'Show one preset: a summary and each stage''s switch, gains and changed parameters'
            cand create 'Create a user preset from another preset, changing parameters with --set'
            cand update 'Change a user preset''s parameters, description or category (built-ins are read-only)'
            cand rename 'Rename a user preset'
            cand delete 'Delete a user preset'
            cand export 'Write a preset as a versioned TOML file (stdout by default)'
            cand import 'Store a preset file as a user preset'
            cand diff 'Show the parameters that differ between two presets'
            cand compare 'Run an audio file through several presets and compare the results side by side'
            cand apply 'Switch a running bot to this preset, without a click or gap'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;preset;help;list'= {
        }
        &'orch;preset;help;show'= {
        }
        &'orch;preset;help;create'= {
        }
        &'orch;preset;help;update'= {
        }
        &'orch;preset;help;rename'= {
        }
        &'orch;preset;help;delete'= {
        }
        &'orch;preset;help;export'= {
        }
        &'orch;preset;help;import'= {
        }
        &'orch;preset;help;diff'= {
        }
        &'orch;preset;help;compare'= {
        }
        &'orch;preset;help;apply'= {
        }
        &'orch;preset;help;help'= {
        }
        &'orch;translate'= {
            cand --from 'Language of the text (ISO 639-1, like en)'
            cand --to 'Language to translate into (repeatable, or comma-separated)'
            cand --glossary 'A glossary file instead of the configured `translation.glossary`'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;transcribe'= {
            cand --preset 'DSP preset the audio runs through first [default: `transcription.preset`]'
            cand --format 'Output format [default: from -o''s extension, else txt (json with --json)]'
            cand -o 'Write here instead of standard output; a directory for several files (each written as NAME.FORMAT inside it)'
            cand --output 'Write here instead of standard output; a directory for several files (each written as NAME.FORMAT inside it)'
            cand --language 'Language of the speech (ISO 639-1, like en) [default: `transcription.language`, else the engine detects it]'
            cand --url 'The engine''s base URL [default: `transcription.url`]'
            cand --translate 'Also translate the transcript into these languages (ISO 639-1) through `[translation]`: with -o, one file per language next to it (NAME.LANG.FORMAT)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --bypass 'Send the audio as it is, without the DSP chain'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;transcript'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print a session''s transcript (of a bot: its newest session)'
            cand export 'Write a session''s transcript as SRT, WebVTT, JSON or text'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;transcript;show'= {
            cand --lang 'Also print each line''s translation into these languages (ISO 639-1)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand -f 'Keep printing lines as they are transcribed, until the bot ends (Ctrl-C stops)'
            cand --follow 'Keep printing lines as they are transcribed, until the bot ends (Ctrl-C stops)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;transcript;export'= {
            cand --format 'Output format'
            cand -o 'Write here instead of standard output'
            cand --output 'Write here instead of standard output'
            cand --lang 'The transcript in these languages, in this order (ISO 639-1): `es` the Spanish translation, `en,es` two lines per cue. The line''s own language is its text'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;transcript;help'= {
            cand show 'Print a session''s transcript (of a bot: its newest session)'
            cand export 'Write a session''s transcript as SRT, WebVTT, JSON or text'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;transcript;help;show'= {
        }
        &'orch;transcript;help;export'= {
        }
        &'orch;transcript;help;help'= {
        }
        &'orch;captions'= {
            cand --lang 'Only these translations (ISO 639-1; default: every target language of the bot)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;speakers'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The speakers of a session (of a bot: its newest session)'
            cand map 'Give a session''s speaker label a name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;speakers;list'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;speakers;map'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;speakers;help'= {
            cand list 'The speakers of a session (of a bot: its newest session)'
            cand map 'Give a session''s speaker label a name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;speakers;help;list'= {
        }
        &'orch;speakers;help;map'= {
        }
        &'orch;speakers;help;help'= {
        }
        &'orch;webcam'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start a bot''s webcam: its transcript and translations drawn as video'
            cand stop 'Stop a bot''s webcam'
            cand status 'A webcam''s figures: frames, average fps, captions, speakers, its output'
            cand config 'Show a webcam''s settings, or change them live with --set'
            cand snapshot 'Save the webcam''s current frame as PNG'
            cand render 'Draw captions from a file into a PNG, with no daemon (try modes and themes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;webcam;start'= {
            cand --mode 'Display mode: overlay, sidebar, bottom_banner, floating, fullscreen, picture_in_picture'
            cand --theme 'Theme: dark, light, high_contrast, minimal, corporate'
            cand --size 'Frame size, WIDTHxHEIGHT (640x480 to 1920x1080, even)'
            cand --set 'Any other setting (max_captions, caption_s, font_size, background_opacity, show_speaker_names, show_confidence, show_timestamps, show, languages). Repeat for several'
            cand --fps 'Frames per second (15 to 60)'
            cand -o 'Where frames go: y4m:PATH (a file, or a FIFO that ffmpeg or Chromium reads), v4l2:/dev/videoN (a v4l2loopback device), or - for Y4M on standard output (the command then runs until the reader or Ctrl-C ends it)'
            cand --output 'Where frames go: y4m:PATH (a file, or a FIFO that ffmpeg or Chromium reads), v4l2:/dev/videoN (a v4l2loopback device), or - for Y4M on standard output (the command then runs until the reader or Ctrl-C ends it)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;webcam;stop'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;webcam;status'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;webcam;config'= {
            cand --set 'Change a setting live: mode, theme, max_captions, caption_s, font_size, background_opacity, show_speaker_names, show_confidence, show_timestamps, show (all, transcript, translation), languages (es,fr). Size and fps are fixed while it runs. Repeat for several; a bad one changes nothing (exit 5)'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;webcam;snapshot'= {
            cand -o 'The PNG file to write'
            cand --output 'The PNG file to write'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;webcam;render'= {
            cand --captions 'Captions: a JSON array of objects with `text` and optionally `speaker`, `speaker_label`, `source_language`, `target_language`, `confidence`, `original`; or one object per line (what `orch --json transcript show` prints)'
            cand -o 'The PNG file to write'
            cand --output 'The PNG file to write'
            cand --mode 'Display mode: overlay, sidebar, bottom_banner, floating, fullscreen, picture_in_picture'
            cand --theme 'Theme: dark, light, high_contrast, minimal, corporate'
            cand --size 'Frame size, WIDTHxHEIGHT (640x480 to 1920x1080, even)'
            cand --set 'Any other setting (max_captions, caption_s, font_size, background_opacity, show_speaker_names, show_confidence, show_timestamps, show, languages). Repeat for several'
            cand --bot 'The bot name in the header'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;webcam;help'= {
            cand start 'Start a bot''s webcam: its transcript and translations drawn as video'
            cand stop 'Stop a bot''s webcam'
            cand status 'A webcam''s figures: frames, average fps, captions, speakers, its output'
            cand config 'Show a webcam''s settings, or change them live with --set'
            cand snapshot 'Save the webcam''s current frame as PNG'
            cand render 'Draw captions from a file into a PNG, with no daemon (try modes and themes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;webcam;help;start'= {
        }
        &'orch;webcam;help;stop'= {
        }
        &'orch;webcam;help;status'= {
        }
        &'orch;webcam;help;config'= {
        }
        &'orch;webcam;help;snapshot'= {
        }
        &'orch;webcam;help;render'= {
        }
        &'orch;webcam;help;help'= {
        }
        &'orch;help'= {
            cand status 'Show the daemon''s version, uptime, pid, socket, data dir, schema version and counts'
            cand daemon 'Start, stop and inspect the orchd daemon'
            cand config 'Show, check and reload the configuration'
            cand db 'Inspect the daemon''s SQLite database'
            cand bot 'Spawn, watch and terminate audio bots'
            cand events 'Stream bot state changes, alerts and participant events as they happen'
            cand analytics 'Sessions and processing performance of bots and the daemon'
            cand analyze 'Measure loudness (EBU R128), true peak, spectrum and quality of audio files'
            cand process 'Run the DSP chain over an audio file and write a WAV'
            cand normalize 'Normalize the loudness of audio files (two-pass, EBU R128 / BS.1770)'
            cand preset 'Manage DSP presets: 13 read-only built-ins and your own, stored by orchd'
            cand translate 'Translate text through the configured engine (`[translation]`, Apertium by default)'
            cand transcribe 'Transcribe audio files through the configured speech-to-text engine'
            cand transcript 'Show or export the transcript of a bot''s session (bots spawned with --transcribe)'
            cand captions 'Follow a bot''s live captions: each line, then its translations as they arrive'
            cand speakers 'List a session''s speakers, or give a speaker label a name'
            cand webcam 'A bot''s virtual webcam: live captions as video (Y4M, v4l2loopback, PNG)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;help;status'= {
        }
        &'orch;help;daemon'= {
            cand start 'Start orchd in the background (a no-op when it already runs)'
            cand stop 'Stop orchd gracefully and wait until it has exited'
            cand status 'Say whether orchd is running (exit code 3 when it is not)'
            cand logs 'Show orchd''s recent log lines'
        }
        &'orch;help;daemon;start'= {
        }
        &'orch;help;daemon;stop'= {
        }
        &'orch;help;daemon;status'= {
        }
        &'orch;help;daemon;logs'= {
        }
        &'orch;help;config'= {
            cand show 'Print the effective configuration (file, environment and flags applied) as TOML'
            cand check 'Validate a configuration file (default: the one orch would read)'
            cand path 'Print the path of the configuration file orch reads'
            cand reload 'Make the running daemon re-read its configuration file (like SIGHUP)'
        }
        &'orch;help;config;show'= {
        }
        &'orch;help;config;check'= {
        }
        &'orch;help;config;path'= {
        }
        &'orch;help;config;reload'= {
        }
        &'orch;help;db'= {
            cand status 'Show the database file, its schema version, size, row counts, the history kept (events, statistics, transcripts, logs on disk) and the retention setting'
            cand cleanup 'Delete bots that ended long ago with everything of their sessions: events, statistics, chunks, transcripts, translations, analyses and log files'
        }
        &'orch;help;db;status'= {
        }
        &'orch;help;db;cleanup'= {
        }
        &'orch;help;bot'= {
            cand spawn 'Spawn a bot and print its id'
            cand list 'List bots (live ones unless --all)'
            cand status 'Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS'
            cand terminate 'Stop a bot gracefully (then kill it after --timeout), and wait until it has ended'
            cand logs 'Show a live bot''s log'
            cand watch 'A live table of all bots, refreshed every second, like top (Ctrl-C ends it)'
            cand cleanup 'Delete ended bots with their whole history (the same as `orch db cleanup`)'
            cand config 'Show a bot''s effective settings; --set changes a running bot''s preset, leave rules or transcription at once, without restarting it'
        }
        &'orch;help;bot;spawn'= {
        }
        &'orch;help;bot;list'= {
        }
        &'orch;help;bot;status'= {
        }
        &'orch;help;bot;terminate'= {
        }
        &'orch;help;bot;logs'= {
        }
        &'orch;help;bot;watch'= {
        }
        &'orch;help;bot;cleanup'= {
        }
        &'orch;help;bot;config'= {
        }
        &'orch;help;events'= {
        }
        &'orch;help;analytics'= {
            cand sessions 'Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason'
            cand bot 'One bot: its sessions, current processing figures, and the 10 s processing windows of its newest session (block times, drops, realtime factor), with a chart of the block time'
            cand performance 'Per-bot processing time per block (p50, p95, p99), realtime factor, dropped blocks, restarts; daemon CPU, memory and bot counts; and every session''s worst window (ended sessions too)'
            cand analyses 'Stored analysis reports: each bot session''s (when a run ends) and files saved with `orch analyze --save`; `--id N` prints one report in full'
        }
        &'orch;help;analytics;sessions'= {
        }
        &'orch;help;analytics;bot'= {
        }
        &'orch;help;analytics;performance'= {
        }
        &'orch;help;analytics;analyses'= {
        }
        &'orch;help;analyze'= {
        }
        &'orch;help;process'= {
        }
        &'orch;help;normalize'= {
        }
        &'orch;help;preset'= {
            cand list 'List every preset: name, category, built-in or user, stages enabled, description'
            cand show 'Show one preset: a summary and each stage''s switch, gains and changed parameters'
            cand create 'Create a user preset from another preset, changing parameters with --set'
            cand update 'Change a user preset''s parameters, description or category (built-ins are read-only)'
            cand rename 'Rename a user preset'
            cand delete 'Delete a user preset'
            cand export 'Write a preset as a versioned TOML file (stdout by default)'
            cand import 'Store a preset file as a user preset'
            cand diff 'Show the parameters that differ between two presets'
            cand compare 'Run an audio file through several presets and compare the results side by side'
            cand apply 'Switch a running bot to this preset, without a click or gap'
        }
        &'orch;help;preset;list'= {
        }
        &'orch;help;preset;show'= {
        }
        &'orch;help;preset;create'= {
        }
        &'orch;help;preset;update'= {
        }
        &'orch;help;preset;rename'= {
        }
        &'orch;help;preset;delete'= {
        }
        &'orch;help;preset;export'= {
        }
        &'orch;help;preset;import'= {
        }
        &'orch;help;preset;diff'= {
        }
        &'orch;help;preset;compare'= {
        }
        &'orch;help;preset;apply'= {
        }
        &'orch;help;translate'= {
        }
        &'orch;help;transcribe'= {
        }
        &'orch;help;transcript'= {
            cand show 'Print a session''s transcript (of a bot: its newest session)'
            cand export 'Write a session''s transcript as SRT, WebVTT, JSON or text'
        }
        &'orch;help;transcript;show'= {
        }
        &'orch;help;transcript;export'= {
        }
        &'orch;help;captions'= {
        }
        &'orch;help;speakers'= {
            cand list 'The speakers of a session (of a bot: its newest session)'
            cand map 'Give a session''s speaker label a name'
        }
        &'orch;help;speakers;list'= {
        }
        &'orch;help;speakers;map'= {
        }
        &'orch;help;webcam'= {
            cand start 'Start a bot''s webcam: its transcript and translations drawn as video'
            cand stop 'Stop a bot''s webcam'
            cand status 'A webcam''s figures: frames, average fps, captions, speakers, its output'
            cand config 'Show a webcam''s settings, or change them live with --set'
            cand snapshot 'Save the webcam''s current frame as PNG'
            cand render 'Draw captions from a file into a PNG, with no daemon (try modes and themes)'
        }
        &'orch;help;webcam;start'= {
        }
        &'orch;help;webcam;stop'= {
        }
        &'orch;help;webcam;status'= {
        }
        &'orch;help;webcam;config'= {
        }
        &'orch;help;webcam;snapshot'= {
        }
        &'orch;help;webcam;render'= {
        }
        &'orch;help;help'= {
        }
    ]
    $completions[$command]
}
