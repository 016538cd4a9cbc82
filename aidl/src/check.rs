//! Loading imports, resolving type names, and the checks of AOSP's `aidl.cpp` and
//! `aidl_language.cpp` that concern the Rust backend, in AOSP's words.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::ast::*;
use crate::consts::{value_string, Evaluator};
use crate::diag::{Diagnostic, Error, Loc};
use crate::rust::RustDecorator;
use crate::Options;

pub const BUILTINS: &[&str] = &[
    "void",
    "boolean",
    "byte",
    "char",
    "int",
    "long",
    "float",
    "double",
    "String",
    "IBinder",
    "ParcelFileDescriptor",
    "ParcelableHolder",
    "List",
    "Map",
    "CharSequence",
    "FileDescriptor",
];

const ANNOTATIONS: &[&str] = &[
    "nullable",
    "utf8InCpp",
    "VintfStability",
    "Backing",
    "Hide",
    "SensitiveData",
    "RustDerive",
    "JavaOnlyStableParcelable",
    "NdkOnlyStableParcelable",
    "RustOnlyStableParcelable",
    "JavaPassthrough",
    "JavaDerive",
    "JavaDefault",
    "JavaDelegator",
    "JavaSuppressLint",
    "Descriptor",
    "PropagateAllowBlocking",
    "UnsupportedAppUsage",
    "SystemApi",
    "EnforcePermission",
    "RequiresNoPermission",
    "PermissionManuallyEnforced",
    "FixedSize",
];

/// The first id AOSP reserves for meta methods (`kFirstMetaMethodId`).
pub const GET_INTERFACE_VERSION_ID: i64 = 16777214;
pub const GET_INTERFACE_HASH_ID: i64 = 16777213;
const MAX_USER_METHOD_ID: i64 = 16777114;

pub fn is_primitive(name: &str) -> bool {
    matches!(
        name,
        "boolean" | "byte" | "char" | "int" | "long" | "float" | "double" | "void"
    )
}

/// What name lookup needs, copied out of the model so that type specifiers can be resolved
/// in place.
pub struct Names {
    by_canonical: HashMap<String, usize>,
    decls: Vec<(String, Option<usize>, Vec<usize>, usize)>,
    docs: Vec<(String, Vec<String>)>,
}

impl Names {
    pub fn build(model: &Model) -> Names {
        let mut by_canonical = HashMap::new();
        for (i, d) in model.decls.iter().enumerate() {
            by_canonical.entry(d.canonical.clone()).or_insert(i);
        }
        Names {
            by_canonical,
            decls: model
                .decls
                .iter()
                .map(|d| (d.name.clone(), d.parent, d.nested.clone(), d.doc))
                .collect(),
            docs: model
                .docs
                .iter()
                .map(|d| {
                    (
                        d.package.clone(),
                        d.imports.iter().map(|i| i.0.clone()).collect(),
                    )
                })
                .collect(),
        }
    }

    pub fn canonical(&self, name: &str) -> Option<usize> {
        self.by_canonical.get(name).copied()
    }

    /// Finds the type `name` (as written inside declaration `scope`, or at the top level of
    /// document `doc` when `scope` is `None`).
    pub fn lookup(&self, doc: usize, scope: Option<usize>, name: &str) -> Option<usize> {
        let mut parts = name.split('.');
        let first = parts.next()?;
        if let Some(mut d) = self.find_first(doc, scope, first) {
            let mut ok = true;
            for part in parts.clone() {
                match self.decls[d].2.iter().find(|n| self.decls[**n].0 == part) {
                    Some(n) => d = *n,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                return Some(d);
            }
        }
        self.canonical(name)
    }

    fn find_first(&self, doc: usize, scope: Option<usize>, first: &str) -> Option<usize> {
        let mut s = scope;
        while let Some(d) = s {
            if self.decls[d].0 == first {
                return Some(d);
            }
            if let Some(n) = self.decls[d].2.iter().find(|n| self.decls[**n].0 == first) {
                return Some(*n);
            }
            s = self.decls[d].1;
        }
        let (package, imports) = &self.docs[doc];
        let same_package = if package.is_empty() {
            first.to_string()
        } else {
            format!("{package}.{first}")
        };
        if let Some(d) = self.canonical(&same_package) {
            return Some(d);
        }
        imports
            .iter()
            .filter(|i| i.as_str() == first || i.ends_with(&format!(".{first}")))
            .find_map(|i| self.canonical(i))
    }
}

/// Every type specifier of a declaration (fields, constants, methods, arguments, generic
/// parameters), in a fixed order.
fn for_each_type<'a>(decl: &'a Decl, f: &mut dyn FnMut(&'a TypeSpec)) {
    fn walk<'a>(t: &'a TypeSpec, f: &mut dyn FnMut(&'a TypeSpec)) {
        f(t);
        for p in &t.params {
            walk(p, f);
        }
    }
    match &decl.kind {
        DeclKind::Parcelable { fields, .. } | DeclKind::Union { fields } => {
            fields.iter().for_each(|x| walk(&x.ty, f))
        }
        DeclKind::Interface { methods, .. } => {
            for m in methods {
                walk(&m.ret, f);
                m.args.iter().for_each(|a| walk(&a.ty, f));
            }
        }
        _ => {}
    }
    decl.consts.iter().for_each(|c| walk(&c.ty, f));
}

fn for_each_type_mut(decl: &mut Decl, f: &mut dyn FnMut(&mut TypeSpec)) {
    fn walk(t: &mut TypeSpec, f: &mut dyn FnMut(&mut TypeSpec)) {
        f(t);
        for p in &mut t.params {
            walk(p, f);
        }
    }
    match &mut decl.kind {
        DeclKind::Parcelable { fields, .. } | DeclKind::Union { fields } => {
            fields.iter_mut().for_each(|x| walk(&mut x.ty, f))
        }
        DeclKind::Interface { methods, .. } => {
            for m in methods {
                walk(&mut m.ret, f);
                m.args.iter_mut().for_each(|a| walk(&mut a.ty, f));
            }
        }
        _ => {}
    }
    decl.consts.iter_mut().for_each(|c| walk(&mut c.ty, f));
}

/// The type names a declaration refers to (types and the type part of qualified constant
/// references), to find files to load from the include directories.
fn referenced_names(decl: &Decl) -> Vec<String> {
    fn refs(e: &Expr, out: &mut Vec<String>) {
        match &e.kind {
            ExprKind::Ref(n) => {
                if let Some((t, _)) = n.rsplit_once('.') {
                    out.push(t.to_string());
                }
            }
            ExprKind::Array(items) => items.iter().for_each(|i| refs(i, out)),
            ExprKind::Unary(_, a) => refs(a, out),
            ExprKind::Binary(_, a, b) => {
                refs(a, out);
                refs(b, out);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for_each_type(decl, &mut |t| out.push(t.name.clone()));
    match &decl.kind {
        DeclKind::Parcelable { fields, .. } | DeclKind::Union { fields } => fields
            .iter()
            .filter_map(|f| f.default.as_ref())
            .for_each(|e| refs(e, &mut out)),
        DeclKind::Enum { enumerators } => enumerators
            .iter()
            .filter_map(|e| e.value.as_ref())
            .for_each(|e| refs(e, &mut out)),
        _ => {}
    }
    decl.consts.iter().for_each(|c| refs(&c.expr, &mut out));
    out
}

/// Adds the `Tag` enum AOSP generates inside every union.
pub fn add_union_tags(model: &mut Model, from_decl: usize) {
    for d in from_decl..model.decls.len() {
        let DeclKind::Union { fields } = &model.decls[d].kind else {
            continue;
        };
        let loc = model.decls[d].loc;
        let enumerators = fields
            .iter()
            .enumerate()
            .map(|(i, f)| Enumerator {
                name: f.name.clone(),
                loc: f.loc,
                value: Some(Expr {
                    kind: ExprKind::Int(i.to_string()),
                    loc: f.loc,
                    text: i.to_string(),
                }),
                deprecated: None,
                evaluated: String::new(),
            })
            .collect();
        let backing = Expr {
            kind: ExprKind::Str("\"int\"".into()),
            loc,
            text: "\"int\"".into(),
        };
        let tag = Decl {
            name: "Tag".into(),
            canonical: format!("{}.Tag", model.decls[d].canonical),
            loc,
            doc: model.decls[d].doc,
            parent: Some(d),
            nested: Vec::new(),
            annotations: vec![Annotation {
                name: "Backing".into(),
                loc,
                params: vec![("type".into(), backing)],
            }],
            deprecated: None,
            kind: DeclKind::Enum { enumerators },
            consts: Vec::new(),
        };
        let id = model.decls.len();
        model.decls.push(tag);
        model.decls[d].nested.push(id);
    }
}

/// Loads, from the include directories, the files that define imported types and types of
/// the same package named without an import, until nothing more is missing.
pub fn load_imports(model: &mut Model, includes: &[PathBuf]) -> Result<(), Error> {
    let mut loaded: HashSet<PathBuf> = model
        .docs
        .iter()
        .map(|d| std::fs::canonicalize(&d.path).unwrap_or_else(|_| PathBuf::from(&d.path)))
        .collect();
    let mut next_doc = 0;
    while next_doc < model.docs.len() {
        let names = Names::build(model);
        let doc = next_doc;
        next_doc += 1;
        let mut wanted: Vec<Vec<String>> = Vec::new();
        for (imp, _) in &model.docs[doc].imports {
            if names.canonical(imp).is_none() {
                let parts: Vec<String> = imp.split('.').map(str::to_string).collect();
                // `a.b.C.D` may be the nested type D of `a/b/C.aidl`.
                for k in (1..=parts.len()).rev() {
                    wanted.push(parts[..k].to_vec());
                }
            }
        }
        let package: Vec<String> = if model.docs[doc].package.is_empty() {
            Vec::new()
        } else {
            model.docs[doc]
                .package
                .split('.')
                .map(str::to_string)
                .collect()
        };
        let mut stack: Vec<usize> = model.docs[doc].decls.clone();
        while let Some(d) = stack.pop() {
            stack.extend(model.decls[d].nested.iter().copied());
            for name in referenced_names(&model.decls[d]) {
                if BUILTINS.contains(&name.as_str()) || names.lookup(doc, Some(d), &name).is_some()
                {
                    continue;
                }
                let first = name.split('.').next().unwrap_or_default().to_string();
                let mut p = package.clone();
                p.push(first);
                wanted.push(p);
            }
        }
        for parts in wanted {
            let rel: PathBuf = parts.iter().collect::<PathBuf>().with_extension("aidl");
            for inc in includes {
                let path = inc.join(&rel);
                if !path.is_file() {
                    continue;
                }
                let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if !loaded.insert(key) {
                    break;
                }
                let display = path.display().to_string();
                let src =
                    std::fs::read_to_string(&path).map_err(|e| Error::Io(display.clone(), e))?;
                let first_decl = model.decls.len();
                crate::parser::parse_file(model, &display, &src, false)
                    .map_err(|d| Error::Aidl(vec![d]))?;
                add_union_tags(model, first_decl);
                break;
            }
        }
    }
    Ok(())
}

struct Checker<'a> {
    model: &'a mut Model,
    options: &'a Options,
    errors: Vec<Diagnostic>,
}

pub fn check(model: &mut Model, options: &Options) -> Result<(), Error> {
    let mut c = Checker {
        model,
        options,
        errors: Vec::new(),
    };
    c.files();
    c.finish()?;
    c.imports();
    c.finish()?;
    c.resolve();
    c.finish()?;
    c.types();
    c.finish()?;
    c.interfaces();
    c.finish()?;
    c.values();
    c.finish()?;
    c.declarations();
    c.finish()
}

impl Checker<'_> {
    fn finish(&mut self) -> Result<(), Error> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Aidl(std::mem::take(&mut self.errors)))
        }
    }

    fn error(&mut self, decl: usize, loc: Loc, msg: impl Into<String>) {
        let file = self.model.docs[self.model.decls[decl].doc].path.clone();
        self.errors.push(Diagnostic::new(&file, loc, msg));
    }

    /// One type per file, in the file its package and name call for.
    fn files(&mut self) {
        for doc in 0..self.model.docs.len() {
            let d = &self.model.docs[doc];
            if !d.generate {
                continue;
            }
            if d.decls.len() > 1 {
                let second = d.decls[1];
                let loc = self.model.decls[second].loc;
                self.error(second, loc, "You must declare only one type per file.");
                continue;
            }
            let Some(&top) = d.decls.first() else {
                continue;
            };
            let decl = &self.model.decls[top];
            let mut expected = d.package.replace('.', "/");
            if !expected.is_empty() {
                expected.push('/');
            }
            expected.push_str(&decl.name);
            expected.push_str(".aidl");
            let path = d.path.replace('\\', "/");
            let ok = path == expected || path.ends_with(&format!("/{expected}"));
            if !ok {
                let (name, loc) = (decl.name.clone(), decl.loc);
                self.error(
                    top,
                    loc,
                    format!("{name} should be declared in a file called {expected}"),
                );
            }
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        for d in 0..self.model.decls.len() {
            let canonical = self.model.decls[d].canonical.clone();
            if let Some(&first) = seen.get(&canonical) {
                let other = self.model.docs[self.model.decls[first].doc].path.clone();
                let loc = self.model.decls[d].loc;
                self.error(
                    d,
                    loc,
                    format!("redefinition of {canonical} (first defined in {other})"),
                );
            } else {
                seen.insert(canonical, d);
            }
        }
    }

    fn imports(&mut self) {
        let names = Names::build(self.model);
        for doc in 0..self.model.docs.len() {
            for (imp, loc) in self.model.docs[doc].imports.clone() {
                if names.canonical(&imp).is_none() {
                    let path = self.model.docs[doc].path.clone();
                    self.errors.push(Diagnostic::new(
                        &path,
                        loc,
                        format!("Couldn't find import for class {imp}"),
                    ));
                }
            }
        }
    }

    fn resolve(&mut self) {
        let names = Names::build(self.model);
        for d in 0..self.model.decls.len() {
            if let DeclKind::Parcelable { type_params, .. } = &self.model.decls[d].kind {
                if !type_params.is_empty() {
                    let loc = self.model.decls[d].loc;
                    self.error(
                        d,
                        loc,
                        "Generic parcelables are not supported by binder-aidl yet.",
                    );
                    continue;
                }
            }
            let doc = self.model.decls[d].doc;
            let mut failed = Vec::new();
            for_each_type_mut(&mut self.model.decls[d], &mut |t| {
                if BUILTINS.contains(&t.name.as_str()) {
                    t.resolved = Some(Resolved::Builtin);
                } else if let Some(target) = names.lookup(doc, Some(d), &t.name) {
                    t.resolved = Some(Resolved::Defined(target));
                } else {
                    failed.push((t.loc, t.name.clone()));
                }
            });
            for (loc, name) in failed {
                self.error(d, loc, format!("Failed to resolve '{name}'"));
            }
        }
    }

    /// Annotations, nullability, what the Rust backend supports, generic arguments,
    /// fixed-size array dimensions.
    fn types(&mut self) {
        let model: &Model = self.model;
        let names = Names::build(model);
        let resolve =
            |scope: usize, name: &str| names.lookup(model.decls[scope].doc, Some(scope), name);
        let mut ev = Evaluator::new(model, &resolve);
        let mut errors = Vec::new();
        let mut all_dims: Vec<Vec<Vec<usize>>> = Vec::new();
        for (d, decl) in model.decls.iter().enumerate() {
            let file = &model.docs[decl.doc].path;
            let mut err = |loc: Loc, msg: String| errors.push(Diagnostic::new(file, loc, msg));
            for a in &decl.annotations {
                if !ANNOTATIONS.contains(&a.name.as_str()) {
                    err(
                        a.loc,
                        format!("'{}' is not a recognized annotation.", a.name),
                    );
                }
            }
            if decl.has_annotation("FixedSize") {
                err(
                    decl.loc,
                    "@FixedSize parcelables are not supported by binder-aidl yet.".into(),
                );
            }
            let mut dims_of_decl = Vec::new();
            let mut check_type = |t: &TypeSpec, err: &mut dyn FnMut(Loc, String)| {
                for a in &t.annotations {
                    if !ANNOTATIONS.contains(&a.name.as_str()) {
                        err(
                            a.loc,
                            format!("'{}' is not a recognized annotation.", a.name),
                        );
                    }
                }
                let name = t.name.as_str();
                if matches!(name, "Map" | "CharSequence" | "FileDescriptor") {
                    err(
                        t.loc,
                        format!("'{name}' is not supported by the Rust backend."),
                    );
                }
                let is_enum = t.defined().is_some_and(|x| model.decls[x].is_enum());
                if t.is_nullable() && !t.is_array() && (is_primitive(name) || is_enum) {
                    err(
                        t.loc,
                        "Primitive type cannot get nullable annotation".into(),
                    );
                }
                if t.has_annotation("utf8InCpp") {
                    let ok = name == "String"
                        || (name == "List" && t.params.first().is_some_and(|p| p.name == "String"));
                    if !ok {
                        err(
                            t.loc,
                            "@utf8InCpp can only be used on String, String[], and List<String>."
                                .into(),
                        );
                    }
                }
                if name == "List" {
                    if t.params.len() != 1 {
                        err(
                            t.loc,
                            format!(
                                "List can only have one type parameter, but got: '{}'",
                                t.to_aidl_string()
                            ),
                        );
                    } else if is_primitive(&t.params[0].name) {
                        err(
                            t.loc,
                            "A generic type cannot have any primitive type parameters.".into(),
                        );
                    } else if t.params[0].is_array() || t.params[0].name == "List" {
                        err(t.loc, format!("'{}' is not supported.", t.to_aidl_string()));
                    }
                    if t.is_array() {
                        err(t.loc, format!("'{}' is not supported.", t.to_aidl_string()));
                    }
                } else if !t.params.is_empty() {
                    err(t.loc, format!("'{}' is not a generic type.", t.name));
                }
                if name == "void" && t.is_array() {
                    err(t.loc, "'void' is not a valid type here.".into());
                }
                if let Some(x) = t.defined() {
                    if let DeclKind::Unstructured { rust_type: None } = model.decls[x].kind {
                        err(
                            t.loc,
                            format!(
                                "Parcelable {} has no rust_type defined.",
                                model.decls[x].canonical
                            ),
                        );
                    }
                }
                let mut dims = Vec::new();
                if let ArrayKind::Fixed(exprs) = &t.array {
                    for e in exprs {
                        match ev.eval(d, e) {
                            Ok(v) => {
                                let int = TypeSpec::simple("int", e.loc);
                                let deco = RustDecorator {
                                    model,
                                    by_ref: true,
                                };
                                match value_string(model, &int, &v, &deco) {
                                    Ok(s) => match s.parse::<usize>() {
                                        Ok(n) if n > 0 => dims.push(n),
                                        _ => err(
                                            e.loc,
                                            format!("Array size must be a positive number: {s}"),
                                        ),
                                    },
                                    Err(m) => err(e.loc, m),
                                }
                            }
                            Err(diag) => err(diag_loc(&diag), diag.message),
                        }
                    }
                }
                dims_of_decl.push(dims);
            };
            let mut void_ok = Vec::new();
            if let DeclKind::Interface { methods, .. } = &decl.kind {
                void_ok = methods.iter().map(|m| m.ret.loc).collect();
            }
            for_each_type(decl, &mut |t| {
                if t.name == "void" && !t.is_array() && !void_ok.contains(&t.loc) {
                    err(t.loc, "'void' is not a valid type here.".into());
                }
                check_type(t, &mut err);
            });
            all_dims.push(dims_of_decl);
        }
        self.errors.extend(errors);
        for (d, dims) in all_dims.into_iter().enumerate() {
            let mut it = dims.into_iter();
            for_each_type_mut(&mut self.model.decls[d], &mut |t| {
                t.dims = it.next().unwrap_or_default();
            });
        }
    }

    /// Method ids, names, `oneway`, argument directions; adds the meta methods.
    fn interfaces(&mut self) {
        for d in 0..self.model.decls.len() {
            let doc = self.model.decls[d].doc;
            let generate = self.model.docs[doc].generate;
            let DeclKind::Interface { oneway, methods } = &mut self.model.decls[d].kind else {
                continue;
            };
            if generate {
                let loc = Loc::default();
                if self.options.version > 0 {
                    methods.push(Method {
                        name: "getInterfaceVersion".into(),
                        loc,
                        oneway: false,
                        ret: TypeSpec::simple("int", loc),
                        args: Vec::new(),
                        id: Some(GET_INTERFACE_VERSION_ID),
                        deprecated: None,
                        user_defined: false,
                    });
                }
                if !self.options.hash.is_empty() {
                    methods.push(Method {
                        name: "getInterfaceHash".into(),
                        loc,
                        oneway: false,
                        ret: TypeSpec::simple("String", loc),
                        args: Vec::new(),
                        id: Some(GET_INTERFACE_HASH_ID),
                        deprecated: None,
                        user_defined: false,
                    });
                }
            }
            let iface_oneway = *oneway;
            let mut errs: Vec<(Loc, String)> = Vec::new();
            let mut names: HashSet<String> = HashSet::new();
            let mut used_ids: HashSet<i64> = HashSet::new();
            let (mut assigned, mut unassigned) = (false, false);
            let mut next_id = 0;
            for m in methods.iter_mut() {
                if !m.user_defined {
                    continue;
                }
                if iface_oneway {
                    m.oneway = true;
                }
                if !names.insert(m.name.clone()) {
                    errs.push((m.loc, format!("attempt to redefine method {}:", m.name)));
                }
                match m.id {
                    Some(_) => assigned = true,
                    None => {
                        m.id = Some(next_id);
                        next_id += 1;
                        unassigned = true;
                    }
                }
                if assigned && unassigned {
                    errs.push((
                        m.loc,
                        "You must either assign id's to all methods or to none of them.".into(),
                    ));
                    break;
                }
                let id = m.id.unwrap_or_default();
                if !used_ids.insert(id) {
                    errs.push((
                        m.loc,
                        format!("Found duplicate method id ({id}) for method {}", m.name),
                    ));
                }
                if !(0..=MAX_USER_METHOD_ID).contains(&id) {
                    errs.push((m.loc, format!("Found out of bounds id ({id}) for method {}. Value for id must be between 0 and {MAX_USER_METHOD_ID} inclusive.", m.name)));
                }
                if m.oneway && (m.ret.name != "void" || m.ret.is_array()) {
                    errs.push((
                        m.loc,
                        format!("oneway method '{}' cannot return a value", m.name),
                    ));
                }
                let mut arg_names = HashSet::new();
                for a in &m.args {
                    if !arg_names.insert(a.name.clone()) {
                        errs.push((
                            m.loc,
                            format!(
                                "method '{}' has duplicate argument name '{}'",
                                m.name, a.name
                            ),
                        ));
                    }
                    if m.oneway && a.is_out() {
                        errs.push((
                            m.loc,
                            format!("oneway method '{}' cannot have out parameters", m.name),
                        ));
                    }
                }
            }
            for (loc, msg) in errs {
                self.error(d, loc, msg);
            }
        }
        // Directions depend on what the argument types are.
        let model: &Model = self.model;
        let mut errors = Vec::new();
        for decl in &model.decls {
            let DeclKind::Interface { methods, .. } = &decl.kind else {
                continue;
            };
            let file = &model.docs[decl.doc].path;
            for a in methods.iter().flat_map(|m| m.args.iter()) {
                let t = &a.ty;
                let can_be_out = t.is_array()
                    || t.name == "List"
                    || t.defined().is_some_and(|x| {
                        matches!(
                            model.decls[x].kind,
                            DeclKind::Parcelable { .. }
                                | DeclKind::Union { .. }
                                | DeclKind::Unstructured { .. }
                        )
                    });
                let ty = t.to_aidl_string();
                match a.direction {
                    None if can_be_out => errors.push(Diagnostic::new(
                        file,
                        a.loc,
                        format!("'{ty}' can be an out type, so you must declare it as in, out, or inout."),
                    )),
                    Some(Direction::Out | Direction::InOut) if !can_be_out => {
                        let dir = if a.direction == Some(Direction::Out) { "out" } else { "inout" };
                        errors.push(Diagnostic::new(
                            file,
                            a.loc,
                            format!("'{dir} {ty} {}' can't be an {dir} parameter.", a.name),
                        ))
                    }
                    _ => {}
                }
            }
        }
        self.errors.extend(errors);
    }

    /// Evaluates constants, enumerators and field defaults into Rust expressions.
    fn values(&mut self) {
        let model: &Model = self.model;
        let names = Names::build(model);
        let resolve =
            |scope: usize, name: &str| names.lookup(model.decls[scope].doc, Some(scope), name);
        let mut ev = Evaluator::new(model, &resolve);
        let mut errors = Vec::new();
        let mut consts: Vec<Vec<String>> = Vec::new();
        let mut fields: Vec<Vec<Option<String>>> = Vec::new();
        let mut enums: Vec<Vec<String>> = Vec::new();
        let by_ref = RustDecorator {
            model,
            by_ref: true,
        };
        let by_value = RustDecorator {
            model,
            by_ref: false,
        };
        for (d, decl) in model.decls.iter().enumerate() {
            let file = &model.docs[decl.doc].path;
            let mut out = Vec::new();
            for c in &decl.consts {
                let sig = c.ty.to_aidl_string();
                if !matches!(
                    sig.as_str(),
                    "String" | "byte" | "int" | "long" | "float" | "double"
                ) {
                    errors.push(Diagnostic::new(
                        file,
                        c.loc,
                        format!("Constant of type {sig} is not supported."),
                    ));
                    out.push(String::new());
                    continue;
                }
                match ev.eval(d, &c.expr) {
                    Ok(v) => match value_string(model, &c.ty, &v, &by_ref) {
                        Ok(s) => out.push(s),
                        Err(m) => {
                            errors.push(Diagnostic::new(file, c.expr.loc, m));
                            out.push(String::new());
                        }
                    },
                    Err(diag) => {
                        errors.push(diag);
                        out.push(String::new());
                    }
                }
            }
            consts.push(out);
            let mut fout = Vec::new();
            if let DeclKind::Parcelable { fields: fs, .. } | DeclKind::Union { fields: fs } =
                &decl.kind
            {
                for f in fs {
                    let implicit = implicit_default(&f.ty);
                    let expr = f.default.as_ref().or(implicit.as_ref());
                    let Some(expr) = expr else {
                        fout.push(None);
                        continue;
                    };
                    match ev.eval(d, expr) {
                        Ok(v) => match value_string(model, &f.ty, &v, &by_value) {
                            Ok(s) => fout.push(Some(s)),
                            Err(m) => {
                                errors.push(Diagnostic::new(file, expr.loc, m));
                                fout.push(None);
                            }
                        },
                        Err(diag) => {
                            errors.push(diag);
                            fout.push(None);
                        }
                    }
                }
            }
            fields.push(fout);
            let mut eout = Vec::new();
            if let DeclKind::Enum { enumerators } = &decl.kind {
                let backing = backing_type(decl);
                if !matches!(backing.as_str(), "byte" | "int" | "long") {
                    let loc = decl.annotation("Backing").map_or(decl.loc, |a| a.loc);
                    errors.push(Diagnostic::new(
                        file,
                        loc,
                        format!("Invalid backing type: {backing}. Backing type must be one of: byte, int, long"),
                    ));
                } else {
                    let bt = TypeSpec::simple(&backing, decl.loc);
                    for (i, e) in enumerators.iter().enumerate() {
                        match ev.eval_enumerator(d, i, e.loc) {
                            Ok(v) => {
                                // Enumerators are numbers in the backing type, even when
                                // written as references.
                                let mut v = v;
                                v.is_ref = false;
                                match value_string(model, &bt, &v, &by_ref) {
                                    Ok(s) => eout.push(s),
                                    Err(m) => {
                                        let loc = e.value.as_ref().map_or(e.loc, |x| x.loc);
                                        errors.push(Diagnostic::new(file, loc, m));
                                        eout.push(String::new());
                                    }
                                }
                            }
                            Err(diag) => {
                                errors.push(diag);
                                eout.push(String::new());
                            }
                        }
                    }
                }
            }
            enums.push(eout);
        }
        self.errors.extend(errors);
        for (d, ((c, f), e)) in consts.into_iter().zip(fields).zip(enums).enumerate() {
            let decl = &mut self.model.decls[d];
            for (cd, v) in decl.consts.iter_mut().zip(c) {
                cd.value = Some(v);
            }
            if let DeclKind::Parcelable { fields, .. } | DeclKind::Union { fields } = &mut decl.kind
            {
                for (fd, v) in fields.iter_mut().zip(f) {
                    fd.value = v;
                }
            }
            if let DeclKind::Enum { enumerators } = &mut decl.kind {
                for (en, v) in enumerators.iter_mut().zip(e) {
                    en.evaluated = v;
                }
            }
        }
    }

    fn declarations(&mut self) {
        for d in 0..self.model.decls.len() {
            let decl = &self.model.decls[d];
            let loc = decl.loc;
            let generate = self.model.docs[decl.doc].generate;
            match &decl.kind {
                DeclKind::Union { fields } if fields.is_empty() => {
                    let name = decl.name.clone();
                    self.error(d, loc, format!("The union '{name}' has no fields."));
                }
                DeclKind::Unstructured { .. } if self.options.structured && generate => {
                    self.error(d, loc, "Refusing to generate code with unstructured parcelables. Declared parcelables should be in their own file and/or cannot be used with --structured interfaces.");
                }
                DeclKind::Parcelable { fields, .. } | DeclKind::Union { fields } => {
                    let mut seen = HashSet::new();
                    let dup: Vec<(Loc, String)> = fields
                        .iter()
                        .filter(|f| !seen.insert(f.name.clone()))
                        .map(|f| (f.loc, f.name.clone()))
                        .collect();
                    for (l, n) in dup {
                        self.error(d, l, format!("'{n}' is already declared."));
                    }
                }
                _ => {}
            }
        }
    }
}

fn diag_loc(d: &Diagnostic) -> Loc {
    Loc {
        line: d.line,
        col: d.col,
    }
}

/// AOSP gives primitive fields without an initializer a zero value
/// (`AidlConstantValue::Default`).
fn implicit_default(ty: &TypeSpec) -> Option<Expr> {
    if ty.is_array() {
        return None;
    }
    let (kind, text) = match ty.name.as_str() {
        "boolean" => (ExprKind::Bool(false), "false"),
        "char" => (ExprKind::Char("'\\0'".into()), "'\\0'"),
        "byte" | "int" | "long" => (ExprKind::Int("0".into()), "0"),
        "float" => (ExprKind::Float("0.0f".into()), "0.0f"),
        "double" => (ExprKind::Float("0.0".into()), "0.0"),
        _ => return None,
    };
    Some(Expr {
        kind,
        loc: ty.loc,
        text: text.into(),
    })
}

/// The backing type of an enum: `@Backing(type="...")`, or `byte`.
pub fn backing_type(decl: &Decl) -> String {
    decl.annotation("Backing")
        .and_then(|a| a.params.iter().find(|(k, _)| k == "type"))
        .and_then(|(_, v)| match &v.kind {
            ExprKind::Str(s) => Some(s.trim_matches('"').to_string()),
            _ => None,
        })
        .unwrap_or_else(|| "byte".to_string())
}
