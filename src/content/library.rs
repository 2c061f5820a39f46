//! The library: everything numb can say, loaded and checked, and the lookups commands make
//! in it. The loader builds it; the checks and the commands only read it.

use std::collections::HashMap;

use super::crisis::CrisisWords;
use super::model::{AppText, Feelings, Practice, Questionnaire, SupportPage, Topic};

/// Everything numb can say, loaded and checked.
#[derive(Debug, Clone)]
pub struct Library {
    /// Topics in reading order.
    pub topics: Vec<Topic>,
    /// Questionnaires, the default (`check-in`) first.
    pub questionnaires: Vec<Questionnaire>,
    /// Guided practices, by id.
    pub practices: Vec<Practice>,
    /// The feelings vocabulary.
    pub feelings: Feelings,
    /// The support page.
    pub support: SupportPage,
    /// The words of numb's own screens.
    pub app: AppText,
    /// Words of crisis, met with help lines wherever typed words are looked up.
    pub crisis: CrisisWords,
    /// Topic ids and aliases to their place in `topics`, for lookups in large packs.
    pub(crate) names: HashMap<String, usize>,
    /// Ids declared by files that had problems and did not load.
    pub(crate) broken: std::collections::HashSet<String>,
}

impl Library {
    /// The topic with this id or alias, ignoring case and surrounding spaces.
    pub fn topic(&self, name: &str) -> Option<&Topic> {
        let name = name.trim();
        let found = match self.names.get(name) {
            Some(&at) => Some(at),
            None => self.names.get(&name.to_lowercase()).copied(),
        };
        found.map(|at| &self.topics[at])
    }

    /// True when `id` is the id of a topic (not an alias).
    pub fn has_topic_id(&self, id: &str) -> bool {
        self.names
            .get(id)
            .is_some_and(|&at| self.topics[at].id.get_ref() == id)
    }

    /// True when a reference to `id` should not be reported: a topic has it, or a file that
    /// declares it had problems of its own (already reported).
    pub fn resolves(&self, id: &str) -> bool {
        self.has_topic_id(id) || self.broken.contains(id)
    }

    /// The questionnaire with this id (ignoring case and surrounding spaces; words typed
    /// apart, `reconnection plan`, are read as the id's dashes).
    pub fn questionnaire(&self, name: &str) -> Option<&Questionnaire> {
        let name = name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase();
        self.questionnaires.iter().find(|q| *q.id.get_ref() == name)
    }

    /// The topic id closest to a mistyped name, if one is close enough to suggest.
    pub fn closest_topic(&self, name: &str) -> Option<&str> {
        let name = name.trim().to_lowercase();
        let name = name.as_str();
        let names = self.topics.iter().flat_map(|t| {
            std::iter::once((t.id.get_ref(), t.id.get_ref()))
                .chain(t.aliases.iter().map(move |a| (a.get_ref(), t.id.get_ref())))
        });
        crate::error::closest(name, names.map(|(candidate, id)| (candidate.as_str(), id)))
            .map(String::as_str)
    }
}
