//! Who may add, find and list which names (AOSP `Access`, with a policy file where AOSP asks
//! SELinux).
//!
//! Without a policy every request is allowed, as on a development device. With one, a request
//! is allowed only if a rule names it. Decisions take the caller identity the driver reported
//! for the transaction, never anything from the request.
//!
//! Policy file: one rule per line, `#` starts a comment:
//!
//! ```text
//! # verb  uid   name
//! add     1000  media.*
//! find    *     *
//! list    0
//! ```
//!
//! The verb is `add`, `find` or `list`; the uid a number or `*`; the name (not for `list`) an
//! exact name, a prefix ending in `*`, or `*`.

use std::fmt;
use std::path::Path;

/// The identity of a caller (AOSP `Access::CallingContext`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallingContext {
    /// The caller's pid (0 for a oneway call).
    pub pid: i32,
    /// The caller's effective uid.
    pub uid: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verb {
    Add,
    Find,
    List,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    verb: Verb,
    /// `None` for any uid.
    uid: Option<u32>,
    /// A name, a prefix ending in `*`, or `*`.
    name: String,
}

impl Rule {
    fn matches(&self, verb: Verb, ctx: &CallingContext, name: &str) -> bool {
        self.verb == verb
            && self.uid.is_none_or(|u| u == ctx.uid)
            && match self.name.strip_suffix('*') {
                Some(prefix) => name.starts_with(prefix),
                None => self.name == name,
            }
    }
}

/// A line of a policy file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "policy line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for PolicyError {}

/// The access policy: permissive, or the rules of a policy file.
#[derive(Clone, Debug, Default)]
pub struct Access {
    /// `None`: allow everything.
    rules: Option<Vec<Rule>>,
}

impl Access {
    /// Allows everything (a development device).
    pub fn permissive() -> Access {
        Access { rules: None }
    }

    /// Parses a policy (see the module documentation).
    pub fn parse(text: &str) -> Result<Access, PolicyError> {
        let mut rules = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let err = |reason: &str| PolicyError {
                line: i + 1,
                reason: reason.to_string(),
            };
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            let verb = match words[0] {
                "add" => Verb::Add,
                "find" => Verb::Find,
                "list" => Verb::List,
                _ => return Err(err("the verb must be add, find or list")),
            };
            let uid = match words.get(1) {
                Some(&"*") => None,
                Some(u) => Some(
                    u.parse()
                        .map_err(|_| err("the uid must be a number or *"))?,
                ),
                None => return Err(err("a uid (or *) is missing")),
            };
            let name = match (verb, words.get(2)) {
                (Verb::List, None) => "*".to_string(),
                (Verb::List, Some(_)) => return Err(err("list takes no name")),
                (_, Some(n)) => n.to_string(),
                (_, None) => return Err(err("a name (or *) is missing")),
            };
            if words.len() > 3 {
                return Err(err("too many words"));
            }
            rules.push(Rule { verb, uid, name });
        }
        Ok(Access { rules: Some(rules) })
    }

    /// Reads and parses a policy file.
    pub fn load(path: &Path) -> Result<Access, Box<dyn std::error::Error>> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the policy {}: {e}", path.display()))?;
        Ok(Access::parse(&text)?)
    }

    fn allows(&self, verb: Verb, ctx: &CallingContext, name: &str) -> bool {
        match &self.rules {
            None => true,
            Some(rules) => rules.iter().any(|r| r.matches(verb, ctx, name)),
        }
    }

    /// Whether `ctx` may register `name`.
    pub fn can_add(&self, ctx: &CallingContext, name: &str) -> bool {
        self.allows(Verb::Add, ctx, name)
    }

    /// Whether `ctx` may look `name` up (or be notified of it).
    pub fn can_find(&self, ctx: &CallingContext, name: &str) -> bool {
        self.allows(Verb::Find, ctx, name)
    }

    /// Whether `ctx` may list the services.
    pub fn can_list(&self, ctx: &CallingContext) -> bool {
        self.allows(Verb::List, ctx, "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: CallingContext = CallingContext { pid: 1, uid: 0 };
    const SYSTEM: CallingContext = CallingContext { pid: 2, uid: 1000 };

    #[test]
    fn permissive_allows_everything() {
        let a = Access::permissive();
        assert!(a.can_add(&SYSTEM, "x") && a.can_find(&ROOT, "y") && a.can_list(&SYSTEM));
    }

    #[test]
    fn rules_allow_only_what_they_name() {
        let a = Access::parse(
            "# media may add its names\nadd 1000 media.*\nfind * *\nlist 0  # root lists\n",
        )
        .unwrap();
        assert!(a.can_add(&SYSTEM, "media.player"));
        assert!(!a.can_add(&SYSTEM, "camera"));
        assert!(!a.can_add(&ROOT, "media.player"));
        assert!(a.can_find(&SYSTEM, "anything"));
        assert!(a.can_list(&ROOT));
        assert!(!a.can_list(&SYSTEM));
        let exact = Access::parse("find 0 a").unwrap();
        assert!(exact.can_find(&ROOT, "a"));
        assert!(!exact.can_find(&ROOT, "ab"));
        assert!(!Access::parse("").unwrap().can_find(&ROOT, "a"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        for (text, line) in [
            ("give 0 x", 1),
            ("add", 1),
            ("\nadd root x", 2),
            ("find 0", 1),
            ("list 0 x", 1),
            ("add 0 x y", 1),
        ] {
            assert_eq!(Access::parse(text).unwrap_err().line, line, "{text:?}");
        }
    }
}
