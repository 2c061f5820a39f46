//! Tests of the words of crisis: what must meet help, what must not, and how phrases read.

use super::*;

fn builtin() -> CrisisWords {
    CrisisWords::builtin().expect("the built-in crisis.toml reads")
}

/// Typed words and phrasings that must meet help.
const MUST_MATCH: &[&str] = &[
    "suicide",
    "suicidal",
    "Suicidal thoughts",
    "suicidal-thoughts",
    "want to die",
    "I want to die",
    "i wanna die",
    "wanting to die",
    "I wished I was dead.",
    "I wish I were dead",
    "kill myself",
    "I'm going to kill myself",
    "killing myself",
    "kms",
    "end it all",
    "I thought about ending it all.",
    "end my life",
    "take my own life",
    "self-harm",
    "self harm",
    "selfharm",
    "self-harming",
    "I cut myself.",
    "cutting myself",
    "I thought about hurting myself.",
    "hurt myself to feel something",
    "harming myself",
    "worthless",
    "hopeless",
    "Hopelessness",
    "no way out",
    "what's the point",
    "I don't want to be alive",
    "I dont want to live anymore",
    "I don’t want to be here",
    "better off dead",
    "everyone would be better off without me",
    "I'm a burden",
    "burden",
    "no reason to live",
    "no point living",
    "there is no reason existing",
    "can't go on",
    "tired of living",
    "overdose",
    "die",
    "dying",
    "help",
    "crisis",
    "I'm not safe",
    "SUICIDE",
    "unalive",
    // Slips, spellings and slang people in distress type.
    "sucide",
    "suicde",
    "suicdal",
    "suiside",
    "su1cide",
    "s u i c i d e",
    "\u{ff53}\u{ff55}\u{ff49}\u{ff43}\u{ff49}\u{ff44}\u{ff45}",
    "kil myself",
    "kill my self",
    "kys",
    "off myself",
    "end me",
    "i want out",
    "cant do this anymore",
    "I hate myself",
    "want to sleep forever",
    "dont want to wake up",
    "tired of everything",
    "i want it all to end",
    "i give up",
    "no point",
    "pointless",
    "I feel like dying",
    "thoughts of death",
    "lost the will to live",
    "nobody cares about me",
    "everyone would be better without me",
    "i took too many pills",
    "hopless",
    "worthles",
    "burdon",
    "ctb",
    "sewerslide",
    "self delete",
    "help please",
    "hlep",
    "suport",
    "i need help now",
    "quiero morir",
    "I have overdone it and I want to die",
    "I want to take my life back and kill myself",
    "I overdosed on coffee and want to die",
    "end my life as i know it, then kill myself",
    "life isn't worth living",
    "nothing to live for",
    "I cannot take this anymore",
    "i can not go on",
    "I wish I was never born",
    "I can't live like this anymore",
    "I'm done with life",
    "how to die",
    "ways to die",
    "better if I died",
    "dying seems easier",
    "ich will sterben",
    "quero morrer",
    "sui\u{200b}cide",
];

/// Everyday words and sentences that must not.
const MUST_NOT_MATCH: &[&str] = &[
    "grief",
    "greif",
    "hurt",
    "sad",
    "numb",
    "empty",
    "dead inside",
    "skill",
    "I cut back on coffee.",
    "I cut my hair.",
    "This job is killing me",
    "I killed time online.",
    "kill time",
    "the end of it",
    "end of the day",
    "I want to dye my hair",
    "I wished for a quiet day",
    "origins",
    "help others",
    "support someone",
    "helpful",
    "daily-impact",
    "supporting-someone",
    "when-to-seek-help",
    "hopeful",
    "I took my time.",
    "I hurt my back.",
    "no one called me",
    "I was tired of waiting",
    "I could not go out",
    "peaceful",
    "I gave up on the diet",
    "end it with him",
    "take my life back",
    "taking my life back",
    "self harmony",
    "overdosed on coffee",
    "learn death",
    "anger",
    "noise",
    "nose",
    "goose",
    "homeless",
    "willing",
    "filling",
    "lying",
    "tying",
    "putting",
    "ranger",
    "dancer",
    "Music makes my life better",
    "I'm putting myself first this week",
    "I've been putting off calls",
    "overdoing it at work again",
    "Volunteered at the homeless shelter",
    "willing myself to get out of bed",
    "it's not worth giving up",
    "I want to cut back on sugar",
    "ending things with him",
    "Going to end it with Sam",
    "Can't go on holiday",
    "i need help with sleep",
    "dead tired",
    "killing time",
    "thinking about death",
    "burdened",
    "feeling burdened",
    "overdone",
    "hopefully",
    "worthwhile",
    "suited",
    "hopeful",
    "death",
];

#[test]
fn crisis_words_and_phrasings_match() {
    let words = builtin();
    for typed in MUST_MATCH {
        assert!(words.find(typed).is_some(), "{typed:?} should meet help");
    }
}

#[test]
fn everyday_words_do_not_match() {
    let words = builtin();
    for typed in MUST_NOT_MATCH {
        assert!(
            words.find(typed).is_none(),
            "{typed:?} matched {:?}",
            words.find(typed).map(|f| f.phrase)
        );
    }
}

#[test]
fn questions_about_suicide_or_self_harm_are_found_and_everyday_ones_are_not() {
    let words = builtin();
    for question in [
        "I wished I was dead.",
        "I thought about ending it all.",
        "I cut myself.",
        "I thought about hurting myself.",
        "I thought about suicide.",
        "I did not want to live.",
        "I felt like I wanted to die.",
        "I thought about self-harm.",
        "I thought about not being around anymore.",
        "I had thoughts of ending things.",
        "I wanted to sleep and never wake up.",
        "I thought about harming my body.",
        "I wanted my life to be over.",
        "I felt like dying.",
        "I felt like ending it.",
        "I wanted to stop being alive.",
        "I did not care if I lived or died.",
        "I thought about how I might die.",
        "I had thoughts of death.",
        "I hurt my body on purpose.",
        "I hit myself when I was upset.",
        "I took more pills than I should have.",
        "I felt I would be better off gone.",
        "Dying seemed easier than going on.",
        "I thought it would be better if I died.",
        "I thought about how to die.",
        "I scratched or burned my skin on purpose.",
        "I felt there was nothing to live for.",
        "I felt life isn't worth living.",
        "I wished I was never born.",
        "I could not go on.",
    ] {
        assert!(
            words.find_in_question(question).is_some(),
            "{question:?} should be refused"
        );
    }
    for question in [
        "I cut back on coffee.",
        "I never wake up rested.",
        "I have a plan to get fit.",
        "I find it hard to swallow pills.",
        "I take all my pills on time.",
        "I need more pills for my headache.",
        "I felt I could take my life back.",
        "I want it over with quickly.",
        "I wanted to cut back on things I enjoy.",
        "I have been cutting back on sleep.",
        "I was burning myself out at work.",
        "I thought about dying my hair.",
        "Slit blinds let light in the morning.",
        "Things felt far away.",
        "I felt hopeless.",
        "My back was killing me.",
        "I used a skill I enjoy.",
        "Good moments came and went, and I felt very little.",
        "I thought about dinner.",
    ] {
        assert!(
            words.find_in_question(question).is_none(),
            "{question:?} matched {:?}",
            words.find_in_question(question).map(|f| f.phrase)
        );
    }
}

/// Every name numb itself has for a page or a feeling, typed as a lookup, is looked up as
/// usual: only `hopeless` also meets the help lines (its page comes first).
#[test]
fn numbs_own_words_are_not_words_of_crisis() {
    let library = crate::content::load(&[]).expect("the built-in content loads");
    let words = &library.crisis;
    let feelings = &library.feelings;
    let names = feelings
        .families
        .iter()
        .flat_map(|f| {
            std::iter::once(f.id.get_ref().clone())
                .chain(std::iter::once(f.name.get_ref().clone()))
                .chain(f.words.iter().map(|w| w.word.get_ref().clone()))
        })
        .chain(feelings.sensations.iter().map(|s| s.cue.get_ref().clone()))
        .chain(library.topics.iter().flat_map(|t| {
            std::iter::once(t.id.get_ref().clone())
                .chain(t.aliases.iter().map(|a| a.get_ref().clone()))
                .chain(std::iter::once(t.title.get_ref().clone()))
        }))
        .chain(library.practices.iter().map(|p| p.id.get_ref().clone()))
        .chain(
            library
                .questionnaires
                .iter()
                .map(|q| q.id.get_ref().clone()),
        );
    for name in names {
        let found = words.find(&name);
        assert!(
            found.is_none() || name == "hopeless",
            "{name:?} matched {:?}",
            found.map(|f| f.phrase)
        );
    }
}

#[test]
fn alone_phrases_match_only_the_whole_text() {
    let words = builtin();
    assert!(words.find("help").is_some());
    assert!(words.find("  Help  ").is_some());
    assert!(words.find("help with sleep").is_none());
    assert!(words.find("dead").is_some());
    assert!(words.find("dead inside").is_none());
}

#[test]
fn a_gap_allows_up_to_three_words() {
    let text = words("I wish I could be dead");
    let phrase = steps("wish* ... dead");
    assert!(contains(&text, &phrase, Reading::Exact, &[false; 6]));
    assert!(!contains(
        &words("I wish that one of these days the old tree was dead"),
        &phrase,
        Reading::Exact,
        &[false; 12]
    ));
}

#[test]
fn plain_form_drops_apostrophes_and_splits_on_marks() {
    assert_eq!(words("Don’t, self-harm!"), ["dont", "self", "harm"]);
    assert_eq!(words("I'm"), ["im"]);
    assert_eq!(
        words("I can not, I cannot, I do not"),
        ["i", "cant", "i", "cant", "i", "dont"]
    );
    assert_eq!(words("kill my self"), ["kill", "myself"]);
    assert_eq!(words("sui\u{200b}cide"), ["suicide"]);
}

#[test]
fn badly_written_phrases_are_named() {
    assert!(phrase_problem("want to die").is_none());
    assert!(phrase_problem("wish* ... dead").is_none());
    assert!(phrase_problem("").unwrap().contains("at least one word"));
    assert!(phrase_problem("... dead").unwrap().contains("between"));
    assert!(phrase_problem("a ... ... b").unwrap().contains("twice"));
    assert!(phrase_problem("don't").unwrap().contains("dont"));
    assert!(phrase_problem("Suicide").unwrap().contains("lower case"));
    assert!(phrase_problem("self-harm").unwrap().contains("self harm"));
    assert!(phrase_problem("ki*").unwrap().contains("too many"));
    assert!(phrase_problem("a||b").unwrap().contains("empty choice"));
}

/// Words of crisis in Spanish, typed with or without accents, meet help whichever language
/// numb speaks; everyday Spanish that looks like them does not.
#[test]
fn spanish_words_of_crisis_meet_help_in_every_language() {
    let must = [
        "quiero morir",
        "Me quiero morir",
        "quiero suicidarme",
        "ya no quiero vivir",
        "no quiero despertar mañana",
        "estoy cansada de vivir",
        "pienso en quitarme la vida",
        "me corto",
        "me hago daño",
        "me hago dano",
        "ya no puedo más",
        "no hay salida",
        "soy una carga para todos",
        "estarían mejor sin mí",
        "ayuda",
        "Ayúdame",
        "necesito ayuda",
        "estoy harta de todo",
        "me voy a tirar del puente",
        "sin ganas de vivir",
        "tomé muchas pastillas",
        "soy un estorbo",
        "nadie me va a extrañar",
        "todo me da igual",
    ];
    let must_not = [
        "me corto el pelo",
        "voy a cortarme el flequillo",
        "me muero de risa",
        "me muero de hambre",
        "contarme",
        "tristeza",
        "cansado",
        "no estoy seguro",
        "mañana",
        "voy a tirar la basura",
        "me tomé una pastilla para dormir",
        "cansada del trabajo",
    ];
    for lang in crate::content::embedded::LANGUAGES {
        let library = crate::content::load::load_in(&[], lang).unwrap();
        for typed in must {
            assert!(library.crisis_in(typed).is_some(), "{lang}: {typed}");
        }
        for typed in must_not {
            assert!(
                library.crisis_in(typed).is_none(),
                "{lang}: {typed} matched {:?}",
                library.crisis_in(typed).map(|f| f.phrase)
            );
        }
    }
    // The words said are the chosen language's.
    let spanish = crate::content::load::load_in(&[], "es").unwrap();
    let found = spanish.crisis_in("I want to die").unwrap();
    assert!(
        spanish
            .crisis
            .words_for(&found)
            .starts_with("Detrás de lo que acabas de escribir")
    );
    let english = crate::content::load::load_in(&[], "en").unwrap();
    let found = english.crisis_in("quiero morir").unwrap();
    assert!(
        english
            .crisis
            .words_for(&found)
            .starts_with("What you typed")
    );
}

/// The lines of a fixture of sentences, without blank lines and `#` comments.
fn fixture_lines(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect()
}

/// Each sentence of `help` meets help and none of `everyday` does, whichever language numb
/// speaks.
fn assert_sentences_read_as_they_should(help: &[&str], everyday: &[&str]) {
    for lang in crate::content::embedded::LANGUAGES {
        let library = crate::content::load::load_in(&[], lang).unwrap();
        for typed in help {
            assert!(library.crisis_in(typed).is_some(), "{lang}: {typed}");
        }
        for typed in everyday {
            let found = library.crisis_in(typed).map(|f| f.phrase);
            assert!(found.is_none(), "{lang}: {typed} matched {found:?}");
        }
    }
}

/// The second reader's Spanish sentences: phrasings of distress meet help and everyday ones
/// do not, whichever language numb speaks.
#[test]
fn the_reviewers_spanish_sentences_read_as_they_should() {
    let help = fixture_lines(include_str!(
        "../../../tests/fixtures/crisis/es-meets-help.txt"
    ));
    let everyday = fixture_lines(include_str!(
        "../../../tests/fixtures/crisis/es-everyday.txt"
    ));
    assert!(help.len() >= 140 && everyday.len() >= 110);
    assert_sentences_read_as_they_should(&help, &everyday);
}

/// The crisis pass's English sentences: a plan told plainly ("im going to jump", "i bought a
/// rope", "i wrote a note"), "nobody loves me" and their near variants meet help; everyday
/// sentences with the same words do not, whichever language numb speaks.
#[test]
fn the_crisis_passs_english_sentences_read_as_they_should() {
    let help = fixture_lines(include_str!(
        "../../../tests/fixtures/crisis/en-meets-help.txt"
    ));
    let everyday = fixture_lines(include_str!(
        "../../../tests/fixtures/crisis/en-everyday.txt"
    ));
    assert!(help.len() >= 60 && everyday.len() >= 30);
    assert_sentences_read_as_they_should(&help, &everyday);
}
