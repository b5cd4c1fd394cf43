//! `orch translate` with the real Apertium (Debian `apertium` and `apertium-eng-spa`,
//! installed by scripts/engines): the same text `apertium -u eng-spa` gives, glossary
//! terms kept, a missing pair and bad input failing clearly.

mod helper;

use helper::Env;
use helper::engines::apertium;

const SENTENCES: &[&str] = &[
    "Good morning everyone, let's begin.",
    "What is the budget for the next quarter?",
    "We need to ship version 2.0 by Friday / Saturday.",
    "Send the report to bob@example.com <today>.",
    "The price is {about} 50% higher ^ than last year \\ really [sic] $5.",
    "okay so um we should probably move on",
];

#[test]
fn matches_apertium_line_by_line() {
    let env = Env::new();
    let input = SENTENCES.join("\n") + "\n";
    let run = env.orch_stdin(&["translate", "--from", "en", "--to", "es"], &input);
    run.ok();
    let got: Vec<String> = run.stdout().lines().map(str::to_string).collect();
    let want: Vec<String> = SENTENCES.iter().map(|s| apertium("eng-spa", s)).collect();
    assert_eq!(got, want);
    // And the other direction, from an argument.
    let run = env.orch(&[
        "translate",
        "--from",
        "es",
        "--to",
        "en",
        "Buenos días a todos.",
    ]);
    run.ok();
    assert_eq!(
        run.stdout().trim(),
        apertium("spa-eng", "Buenos días a todos.")
    );
}

#[test]
fn json_marks_pass_through_as_original() {
    let env = Env::new();
    let run = env.orch(&[
        "translate",
        "--json",
        "--from",
        "en",
        "--to",
        "es,en-GB",
        "Good morning.",
    ]);
    run.ok();
    let lines: Vec<serde_json::Value> = run
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["lang"], "es");
    assert_eq!(lines[0]["engine"], "apertium");
    assert_eq!(lines[0]["original"], false);
    assert_eq!(lines[0]["text"], apertium("eng-spa", "Good morning."));
    assert_eq!(lines[1]["lang"], "en-GB");
    assert_eq!(lines[1]["original"], true);
    assert_eq!(lines[1]["engine"], "original");
    assert_eq!(lines[1]["text"], "Good morning.");
}

#[test]
fn glossary_terms_survive() {
    let env = Env::new();
    let glossary = env.dir.path().join("glossary.toml");
    std::fs::write(
        &glossary,
        "keep = [\"Acme Cloud\", \"Jordan Baker\"]\n[translate.es]\n\"meeting notes\" = \"acta\"\n",
    )
    .unwrap();
    let text = "Jordan Baker moved the meeting notes to Acme Cloud yesterday.";
    let plain = apertium("eng-spa", text);
    // Without the glossary Apertium translates the names and the term its own way.
    assert!(
        !plain.contains("Acme Cloud") && !plain.contains(" acta "),
        "{plain}"
    );
    let g = glossary.to_str().unwrap();
    let run = env.orch(&[
        "translate",
        "--from",
        "en",
        "--to",
        "es",
        "--glossary",
        g,
        text,
    ]);
    run.ok();
    let out = run.stdout();
    assert!(out.contains("Jordan Baker"), "{out}");
    assert!(out.contains("Acme Cloud"), "{out}");
    assert!(out.contains("acta"), "{out}");
    assert!(!out.contains("ZQX"), "{out}");

    // The same glossary named in the configuration.
    env.write_config(&format!(
        "[translation]\nglossary = \"{}\"\n",
        glossary.display()
    ));
    let run = env.orch(&["translate", "--from", "en", "--to", "es", text]);
    run.ok();
    assert_eq!(run.stdout(), out);
}

#[test]
fn missing_pair_names_the_package() {
    let env = Env::new();
    let run = env.orch(&["translate", "--from", "en", "--to", "ca", "Hello."]);
    assert_eq!(run.code(), 4, "{}", run.stderr());
    let err = run.stderr();
    assert!(err.contains("no Apertium pair for en -> ca"), "{err}");
    assert!(err.contains("apt-get install apertium-eng-cat"), "{err}");
    let run = env.orch(&[
        "translate",
        "--json",
        "--from",
        "en",
        "--to",
        "de",
        "Hello.",
    ]);
    assert_eq!(run.code(), 4);
    let e: serde_json::Value = serde_json::from_str(run.stderr().trim()).unwrap();
    assert!(
        e["error"]
            .as_str()
            .unwrap()
            .contains("Debian has no package"),
        "{e}"
    );
}

#[test]
fn bad_input_fails_with_exit_5() {
    let env = Env::new();
    let run = env.orch(&["translate", "--from", "english", "--to", "es", "Hi."]);
    assert_eq!(run.code(), 5);
    assert!(
        run.stderr().contains("`english` is not an ISO 639-1"),
        "{}",
        run.stderr()
    );

    let glossary = env.dir.path().join("g.toml");
    std::fs::write(&glossary, "keep = [\"a\"]\nkepp = [\"b\"]\n").unwrap();
    let g = glossary.to_str().unwrap();
    let run = env.orch(&[
        "translate",
        "--from",
        "en",
        "--to",
        "es",
        "--glossary",
        g,
        "Hi.",
    ]);
    assert_eq!(run.code(), 5);
    assert!(
        run.stderr().contains("line 2, key `kepp`"),
        "{}",
        run.stderr()
    );

    env.write_config("[translation]\nengine = \"babelfish\"\n");
    let run = env.orch(&["translate", "--from", "en", "--to", "es", "Hi."]);
    assert_eq!(run.code(), 5);
    assert!(
        run.stderr().contains("line 2, key `engine`"),
        "{}",
        run.stderr()
    );
}
