//! Which language numb speaks: resolved once, from `--lang`, `NUMB_LANG`, `language` in
//! config.toml, then the locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`), and passed
//! down to the loader. English fills any gap, item by item.

use crate::error::Error;

/// The language every item falls back to, and the one numb speaks when nothing says otherwise.
pub const FALLBACK: &str = crate::content::load::LANG;

/// The languages of the built-in content, as `content/<tag>/` folders (English first).
pub fn available() -> &'static [&'static str] {
    crate::content::embedded::LANGUAGES
}

/// The language chosen for this run ([`FALLBACK`] until [`choose`] is called).
pub fn chosen() -> &'static str {
    crate::content::load::chosen_language()
}

/// Resolves the language from the flag, the environment and the settings, and keeps it for
/// the run. `--lang` naming a language numb does not have is a usage error (exit 2); anywhere
/// else such a language falls back quietly to the next place, then to English.
pub fn choose(flag: Option<&str>) -> Result<&'static str, Error> {
    let var = |k: &str| std::env::var(k).ok();
    let setting = || crate::config::load().0.language;
    let lang = resolve(flag, &var, setting, available())?;
    // A second call keeps the first answer: one run, one language.
    Ok(crate::content::load::choose_language(lang))
}

/// The language for these inputs; see [`choose`]. `var` reads the environment.
pub fn resolve(
    flag: Option<&str>,
    var: &dyn Fn(&str) -> Option<String>,
    setting: impl FnOnce() -> Option<String>,
    have: &[&'static str],
) -> Result<&'static str, Error> {
    let known = |tag: &str| -> Option<&'static str> {
        let primary = primary(tag)?;
        have.iter().copied().find(|h| *h == primary)
    };
    if let Some(flag) = flag {
        return known(flag).ok_or_else(|| {
            Error::Usage(format!(
                "numb has no content in `{}`; it speaks {} (--lang {})",
                crate::sanitize::escape_controls(flag),
                have.join(", "),
                have.join(" or --lang ")
            ))
        });
    }
    let set = |k: &str| var(k).filter(|v| !v.trim().is_empty());
    if let Some(lang) = set("NUMB_LANG").as_deref().and_then(known) {
        return Ok(lang);
    }
    if let Some(lang) = setting().as_deref().and_then(known) {
        return Ok(lang);
    }
    Ok(from_locale(var, have))
}

/// The language of the locale, as gettext reads it: `LANGUAGE` (a list, `es:fr:en`) comes
/// first unless the locale is `C` or `POSIX`; then the first of `LC_ALL`, `LC_MESSAGES` and
/// `LANG` that is set. A language numb does not have falls back to English.
pub fn from_locale(var: &dyn Fn(&str) -> Option<String>, have: &[&'static str]) -> &'static str {
    let set = |k: &str| var(k).filter(|v| !v.trim().is_empty());
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| set(k));
    let is_c = locale
        .as_deref()
        .is_some_and(|l| matches!(l.split('.').next().unwrap_or(l), "C" | "POSIX"));
    if is_c {
        return FALLBACK;
    }
    let known = |tag: &str| -> Option<&'static str> {
        let primary = primary(tag)?;
        have.iter().copied().find(|h| *h == primary)
    };
    // gettext reads LANGUAGE only when a locale is set at all.
    let listed = set("LANGUAGE").filter(|_| locale.is_some());
    let from_list = listed
        .iter()
        .flat_map(|list| list.split(':'))
        .find_map(known);
    from_list
        .or_else(|| locale.as_deref().and_then(known))
        .unwrap_or(FALLBACK)
}

/// The primary language subtag of a locale or tag, lower case: `es_MX.UTF-8@euro` and
/// `es-419` are `es`. `None` for `C`, `POSIX` and anything that is not two or three letters.
pub fn primary(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let end = tag.find(['_', '-', '.', '@']).unwrap_or(tag.len());
    let primary = &tag[..end];
    let letters =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    letters.then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HAVE: &[&str] = &["en", "es"];

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        move |k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    /// The locale order, as a table of environments and what each must choose.
    #[test]
    fn the_locale_order() {
        let table: &[(&[(&str, &str)], &str)] = &[
            (&[], "en"),
            (&[("LANG", "es_MX.UTF-8")], "es"),
            (&[("LANG", "es_ES@euro")], "es"),
            (&[("LANG", "es-419")], "es"),
            (&[("LANG", "C")], "en"),
            (&[("LANG", "C.UTF-8")], "en"),
            (&[("LANG", "POSIX")], "en"),
            (&[("LANG", "fr_FR.UTF-8")], "en"),
            (&[("LANG", "de_DE.UTF-8"), ("LANGUAGE", "fr:es:en")], "es"),
            (&[("LANG", "es_ES.UTF-8"), ("LANGUAGE", "en:es")], "en"),
            (&[("LANG", "en_US.UTF-8"), ("LANGUAGE", "fr:de")], "en"),
            (&[("LANG", "es_ES.UTF-8"), ("LANGUAGE", "fr:de")], "es"),
            // LANGUAGE is not read when the locale is C, or when none is set.
            (&[("LANG", "C"), ("LANGUAGE", "es")], "en"),
            (&[("LANGUAGE", "es")], "en"),
            (&[("LC_ALL", "es_AR.UTF-8"), ("LANG", "en_GB.UTF-8")], "es"),
            (&[("LC_ALL", "C"), ("LANG", "es_AR.UTF-8")], "en"),
            (
                &[("LC_MESSAGES", "es_CL.UTF-8"), ("LANG", "en_GB.UTF-8")],
                "es",
            ),
            (&[("LC_ALL", ""), ("LANG", "es_PE.UTF-8")], "es"),
            (&[("LANG", "ESP")], "en"),
            (&[("LANG", "x")], "en"),
        ];
        for (vars, want) in table {
            assert_eq!(from_locale(&with(vars), HAVE), *want, "{vars:?}");
        }
    }

    #[test]
    fn the_flag_then_numb_lang_then_the_setting_then_the_locale() {
        let env = with(&[("NUMB_LANG", "es"), ("LANG", "en_US.UTF-8")]);
        assert_eq!(resolve(Some("en"), &env, || None, HAVE).unwrap(), "en");
        assert_eq!(resolve(Some("es-MX"), &env, || None, HAVE).unwrap(), "es");
        assert_eq!(
            resolve(None, &env, || Some("en".into()), HAVE).unwrap(),
            "es"
        );
        let env = with(&[("LANG", "en_US.UTF-8")]);
        assert_eq!(
            resolve(None, &env, || Some("es".into()), HAVE).unwrap(),
            "es"
        );
        // A language numb does not have, anywhere but the flag, falls through quietly.
        let env = with(&[("NUMB_LANG", "xx"), ("LANG", "es_ES.UTF-8")]);
        assert_eq!(
            resolve(None, &env, || Some("fr".into()), HAVE).unwrap(),
            "es"
        );
        let env = with(&[("NUMB_LANG", "")]);
        assert_eq!(resolve(None, &env, || None, HAVE).unwrap(), "en");
    }

    #[test]
    fn the_flag_with_a_language_numb_does_not_have_names_those_it_has() {
        let err = resolve(Some("xx"), &with(&[]), || None, HAVE).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let message = err.to_string();
        assert!(
            message.contains("`xx`") && message.contains("en, es"),
            "{message}"
        );
        assert!(resolve(Some(""), &with(&[]), || None, HAVE).is_err());
    }

    #[test]
    fn primary_subtags() {
        assert_eq!(primary("es_MX.UTF-8").as_deref(), Some("es"));
        assert_eq!(primary("EN").as_deref(), Some("en"));
        assert_eq!(primary("ast_ES").as_deref(), Some("ast"));
        assert_eq!(primary("C"), None);
        assert_eq!(primary("español"), None);
        assert_eq!(primary(""), None);
    }
}
