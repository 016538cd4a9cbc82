//! The Rust backend: the shapes of AOSP's `generate_rust.cpp` and `aidl_to_rust.cpp`, written
//! against AOSP's Rust `binder` crate (`binder::`, `binder::binder_impl::`).

use crate::ast::*;
use crate::check::is_primitive;
use crate::consts::Decorator;

/// How a value is held where a Rust type is named (AOSP's `StorageMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Value,
    DefaultValue,
    InArgument,
    UnsizedArgument,
    OutArgument,
    InoutArgument,
    ParcelableField,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lt {
    None,
    /// `'a`, the lifetime of `&self` (shared by every argument of a boxed future).
    A,
    /// A lifetime of its own for each reference (`'l1`, `'l2`, ...).
    Fresh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefMode {
    Value,
    Ref,
    MutRef,
    AsRef,
    AsDeref,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Normal,
    Async,
    BoxedFuture,
}

/// Spells constants as Rust (AOSP's `ConstantValueDecorator`/`ConstantValueDecoratorRef`).
pub struct RustDecorator<'a> {
    pub model: &'a Model,
    /// Constants are `&str`; fields hold `String`, hence `.into()`.
    pub by_ref: bool,
}

impl Decorator for RustDecorator<'_> {
    fn scalar(&self, ty: &TypeSpec, value: &str) -> String {
        match ty.name.as_str() {
            "char" => return format!("{value} as u16"),
            "float" => return format!("{value}32"),
            "double" => return format!("{value}f64"),
            _ => {}
        }
        if let Some(d) = ty.defined() {
            let last = value.rsplit('.').next().unwrap_or(value);
            return format!("{}::{}", raw_rust_name(self.model, d), last);
        }
        let mut v = value.to_string();
        if ty.name == "String" && !self.by_ref {
            v.push_str(".into()");
        }
        if ty.is_nullable() {
            v = format!("Some({v})");
        }
        v
    }

    fn array(&self, ty: &TypeSpec, values: &[String]) -> String {
        // `byte[]` is `u8` in Rust; AIDL's bytes are signed.
        let values: Vec<String> = if ty.name == "byte" {
            values
                .iter()
                .map(|v| {
                    v.parse::<i64>()
                        .map_or(v.clone(), |x| (x as u8).to_string())
                })
                .collect()
        } else {
            values.to_vec()
        };
        let mut v = format!("[{}]", values.join(", "));
        if ty.is_dynamic_array() {
            v = format!("vec!{v}");
        }
        if ty.is_nullable() {
            v = format!("Some({v})");
        }
        v
    }
}

/// `_7_android_4_aidl_...`: the alias every generated file exports for each of its types.
pub fn mangle(canonical: &str) -> String {
    canonical
        .split('.')
        .map(|c| format!("_{}_{}", c.len(), c))
        .collect()
}

fn raw_rust_name(model: &Model, d: usize) -> String {
    let decl = &model.decls[d];
    if let DeclKind::Unstructured { rust_type: Some(t) } = &decl.kind {
        return t.clone();
    }
    format!("crate::mangled::{}", mangle(&decl.canonical))
}

/// `Foo` for `IFoo` (AOSP's `ClassNames::BASE`).
fn base_name(name: &str) -> &str {
    let b = name.as_bytes();
    if b.len() >= 2 && b[0] == b'I' && b[1].is_ascii_uppercase() {
        &name[1..]
    } else {
        name
    }
}

fn trait_name(decl: &Decl) -> String {
    format!("I{}", base_name(&decl.name))
}

fn quoted(s: &str) -> String {
    format!("{s:?}")
}

struct W {
    out: String,
    indent: usize,
}

impl W {
    fn w(&mut self, text: &str) {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            if !line.is_empty() {
                if self.out.is_empty() || self.out.ends_with('\n') {
                    for _ in 0..self.indent {
                        self.out.push_str("  ");
                    }
                }
                self.out.push_str(line);
            }
        }
    }
    fn l(&mut self, line: &str) {
        self.w(line);
        self.out.push('\n');
    }
    fn inc(&mut self) {
        self.indent += 1;
    }
    fn dec(&mut self) {
        self.indent -= 1;
    }
}

pub struct Gen<'a> {
    model: &'a Model,
    version: i32,
    hash: &'a str,
    vintf_option: bool,
}

/// Generates the `.rs` file of a top-level declaration.
pub fn generate_file(
    model: &Model,
    decl: usize,
    command_line: &str,
    version: i32,
    hash: &str,
    vintf_option: bool,
) -> String {
    let g = Gen {
        model,
        version,
        hash,
        vintf_option,
    };
    let mut w = W {
        out: String::new(),
        indent: 0,
    };
    w.l("/*");
    w.l(" * This file is auto-generated.  DO NOT MODIFY.");
    w.l(&format!(" * Using: {}", command_line.replace("*/", "*\\/")));
    w.l(" *");
    w.l(" * DO NOT CHECK THIS FILE INTO A CODE TREE (e.g. git, etc..).");
    w.l(" * ALWAYS GENERATE THIS FILE FROM UPDATED AIDL COMPILER");
    w.l(" * AS A BUILD INTERMEDIATE ONLY. THIS IS NOT SOURCE CODE.");
    w.l(" */");
    w.l("#![forbid(unsafe_code)]");
    w.l("#![cfg_attr(rustfmt, rustfmt_skip)]");
    g.class(&mut w, decl);
    w.l("pub(crate) mod mangled {");
    g.mangled(&mut w, decl);
    w.l("}");
    w.out
}

impl Gen<'_> {
    fn decl(&self, d: usize) -> &Decl {
        &self.model.decls[d]
    }

    fn is_vintf(&self, d: usize) -> bool {
        self.vintf_option || self.decl(d).has_annotation("VintfStability")
    }

    fn mangled(&self, w: &mut W, d: usize) {
        let decl = self.decl(d);
        if !matches!(decl.kind, DeclKind::Unstructured { .. }) {
            let type_name = if decl.is_interface() {
                trait_name(decl)
            } else {
                decl.name.clone()
            };
            w.l(&format!(
                " pub use {}::r#{} as {};",
                self.module_of(d),
                type_name,
                mangle(&decl.canonical)
            ));
        }
        for &n in &decl.nested {
            self.mangled(w, n);
        }
    }

    /// The module holding a type, relative to the file (`super` for the top-level one).
    fn module_of(&self, d: usize) -> String {
        match self.decl(d).parent {
            Some(p) => format!("{}::r#{}", self.module_of(p), self.decl(d).name),
            None => "super".to_string(),
        }
    }

    fn class(&self, w: &mut W, d: usize) {
        match &self.decl(d).kind {
            DeclKind::Parcelable { fields, .. } => self.parcelable(w, d, fields),
            DeclKind::Union { fields } => self.union(w, d, fields),
            DeclKind::Enum { enumerators } => self.enumeration(w, d, enumerators),
            DeclKind::Interface { methods, .. } => self.interface(w, d, methods),
            DeclKind::Unstructured { .. } => {}
        }
        for &n in &self.decl(d).nested {
            if matches!(self.decl(n).kind, DeclKind::Unstructured { .. }) {
                continue;
            }
            w.l(&format!("pub mod r#{} {{", self.decl(n).name));
            w.inc();
            self.class(w, n);
            w.dec();
            w.l("}");
        }
    }

    // ---- types ----

    fn is_interface_type(&self, t: &TypeSpec) -> bool {
        t.defined().is_some_and(|d| self.decl(d).is_interface())
    }
    fn is_enum_type(&self, t: &TypeSpec) -> bool {
        t.defined().is_some_and(|d| self.decl(d).is_enum())
    }
    fn is_list(t: &TypeSpec) -> bool {
        t.name == "List" && t.is_builtin()
    }

    fn auto_constructor(&self, t: &TypeSpec) -> bool {
        !(t.name == "ParcelFileDescriptor" || t.name == "IBinder" || self.is_interface_type(t))
    }

    fn uses_option_in_nullable_vector(&self, t: &TypeSpec) -> bool {
        let element = if t.is_array() { t } else { &t.params[0] };
        !(is_primitive(&element.name) || self.is_enum_type(element))
    }

    fn type_needs_option(&self, t: &TypeSpec) -> bool {
        if t.is_array() || Self::is_list(t) || t.is_nullable() {
            return false;
        }
        match t.name.as_str() {
            "IBinder" | "ParcelFileDescriptor" if t.is_builtin() => true,
            _ => self.is_interface_type(t),
        }
    }

    fn rust_name(&self, t: &TypeSpec, mode: Mode) -> String {
        if t.is_builtin() {
            let name = match t.name.as_str() {
                "void" => "()",
                "boolean" => "bool",
                "byte" => "i8",
                "char" => "u16",
                "int" => "i32",
                "long" => "i64",
                "float" => "f32",
                "double" => "f64",
                "String" if mode == Mode::UnsizedArgument => "str",
                "String" => "String",
                "IBinder" => "binder::SpIBinder",
                "ParcelFileDescriptor" => "binder::ParcelFileDescriptor",
                "ParcelableHolder" => "binder::ParcelableHolder",
                other => other,
            };
            return name.to_string();
        }
        let Some(d) = t.defined() else {
            return t.name.clone();
        };
        let name = raw_rust_name(self.model, d);
        if self.decl(d).is_interface() {
            format!("binder::Strong<dyn {name}>")
        } else {
            name
        }
    }

    fn lifetime(lt: Lt, lifetimes: &mut Vec<String>) -> String {
        match lt {
            Lt::None => String::new(),
            Lt::A => {
                if !lifetimes.iter().any(|l| l == "a") {
                    lifetimes.push("a".into());
                }
                "'a ".into()
            }
            Lt::Fresh => {
                let name = format!("l{}", lifetimes.len());
                let s = format!("'{name} ");
                lifetimes.push(name);
                s
            }
        }
    }

    /// AOSP's `RustNameOf`.
    fn rust_name_of(
        &self,
        t: &TypeSpec,
        mode: Mode,
        lt: Lt,
        lifetimes: &mut Vec<String>,
    ) -> String {
        let mut name;
        if t.is_array() || Self::is_list(t) {
            let element = if Self::is_list(t) { &t.params[0] } else { t };
            let element_mode = if (t.is_fixed_array() && mode == Mode::ParcelableField)
                || mode == Mode::OutArgument
                || mode == Mode::DefaultValue
            {
                Mode::DefaultValue
            } else {
                Mode::Value
            };
            name = if t.is_array() && element.name == "byte" {
                "u8".to_string()
            } else {
                self.rust_name(element, element_mode)
            };
            let default_option =
                element_mode == Mode::DefaultValue && !self.auto_constructor(element);
            let nullable_option = t.is_nullable() && self.uses_option_in_nullable_vector(t);
            if default_option || nullable_option {
                name = format!("Option<{name}>");
            }
            if mode == Mode::UnsizedArgument {
                name = format!("[{name}]");
            } else if t.is_fixed_array() {
                for n in t.dims.iter().rev() {
                    name = format!("[{name}; {n}]");
                }
            } else {
                name = format!("Vec<{name}>");
            }
        } else {
            name = self.rust_name(t, mode);
        }
        if mode == Mode::InArgument || mode == Mode::UnsizedArgument {
            name = format!("&{}{name}", Self::lifetime(lt, lifetimes));
        }
        if t.is_nullable()
            || (self.type_needs_option(t)
                && matches!(
                    mode,
                    Mode::DefaultValue | Mode::OutArgument | Mode::ParcelableField
                ))
        {
            name = if t.is_heap_nullable() {
                format!("Option<Box<{name}>>")
            } else {
                format!("Option<{name}>")
            };
        }
        if mode == Mode::OutArgument || mode == Mode::InoutArgument {
            name = format!("&{}mut {name}", Self::lifetime(lt, lifetimes));
        }
        name
    }

    fn value_type(&self, t: &TypeSpec) -> String {
        self.rust_name_of(t, Mode::Value, Lt::None, &mut Vec::new())
    }

    fn storage_mode(&self, a: &Arg) -> Mode {
        if a.is_out() {
            return if a.is_in() {
                Mode::InoutArgument
            } else {
                Mode::OutArgument
            };
        }
        let t = &a.ty;
        let plain = (is_primitive(&t.name) && t.is_builtin()) || self.is_enum_type(t);
        if t.name == "String" || t.is_dynamic_array() || Self::is_list(t) {
            Mode::UnsizedArgument
        } else if !plain || t.is_fixed_array() {
            Mode::InArgument
        } else {
            Mode::Value
        }
    }

    fn ref_mode(&self, a: &Arg) -> RefMode {
        match self.storage_mode(a) {
            Mode::InArgument if a.ty.is_nullable() => RefMode::AsRef,
            Mode::InArgument => RefMode::Ref,
            Mode::OutArgument | Mode::InoutArgument => RefMode::MutRef,
            Mode::UnsizedArgument if a.ty.is_nullable() => RefMode::AsDeref,
            Mode::UnsizedArgument => RefMode::Ref,
            _ => RefMode::Value,
        }
    }

    fn build_arg(&self, a: &Arg, lt: Lt, lifetimes: &mut Vec<String>) -> String {
        format!(
            "_arg_{}: {}",
            a.name,
            self.rust_name_of(&a.ty, self.storage_mode(a), lt, lifetimes)
        )
    }

    fn deprecated(w: &mut W, note: &Option<String>) {
        match note {
            Some(n) if n.is_empty() => w.l("#[deprecated]"),
            Some(n) => w.l(&format!("#[deprecated = {}]", quoted(n))),
            None => {}
        }
    }

    // ---- constants ----

    fn constants(&self, w: &mut W, d: usize) {
        for c in &self.decl(d).consts {
            let ty = if c.ty.name == "String" {
                "&str".to_string()
            } else {
                self.value_type(&c.ty)
            };
            Self::deprecated(w, &c.deprecated);
            w.l(&format!(
                "pub const r#{}: {} = {};",
                c.name,
                ty,
                c.value.clone().unwrap_or_default()
            ));
        }
    }

    // ---- enums ----

    fn enumeration(&self, w: &mut W, d: usize, enumerators: &[Enumerator]) {
        let decl = self.decl(d);
        let backing = crate::check::backing_type(decl);
        let bt = TypeSpec::simple(&backing, decl.loc);
        let align = match backing.as_str() {
            "long" => 8,
            "int" => 4,
            _ => 1,
        };
        w.l("#![allow(non_upper_case_globals)]");
        w.l("use binder::declare_binder_enum;");
        w.l("declare_binder_enum! {");
        w.inc();
        Self::deprecated(w, &decl.deprecated);
        w.l(&format!("#[repr(C, align({align}))]"));
        w.l(&format!(
            "r#{} : [{}; {}] {{",
            decl.name,
            self.value_type(&bt),
            enumerators.len()
        ));
        w.inc();
        for e in enumerators {
            Self::deprecated(w, &e.deprecated);
            w.l(&format!("r#{} = {},", e.name, e.evaluated));
        }
        w.dec();
        w.l("}");
        w.dec();
        w.l("}");
    }

    // ---- parcelables and unions ----

    fn derives(&self, d: usize) -> String {
        let mut derives = vec!["Debug"];
        if let Some(a) = self.decl(d).annotation("RustDerive") {
            for name in [
                "Copy",
                "Clone",
                "PartialOrd",
                "Ord",
                "PartialEq",
                "Eq",
                "Hash",
            ] {
                let on = a
                    .params
                    .iter()
                    .any(|(k, v)| k == name && matches!(v.kind, ExprKind::Bool(true)));
                if on {
                    derives.push(name);
                }
            }
        }
        format!("#[derive({})]", derives.join(", "))
    }

    fn field_type(&self, t: &TypeSpec) -> String {
        self.rust_name_of(t, Mode::ParcelableField, Lt::None, &mut Vec::new())
    }

    fn parcelable(&self, w: &mut W, d: usize, fields: &[Field]) {
        let decl = self.decl(d);
        w.l(&self.derives(d));
        Self::deprecated(w, &decl.deprecated);
        w.l(&format!("pub struct r#{} {{", decl.name));
        w.inc();
        for f in fields {
            Self::deprecated(w, &f.deprecated);
            w.l(&format!("pub r#{}: {},", f.name, self.field_type(&f.ty)));
        }
        w.dec();
        w.l("}");
        self.constants(w, d);
        w.l(&format!("impl Default for r#{} {{", decl.name));
        w.inc();
        w.l("fn default() -> Self {");
        w.inc();
        w.l("Self {");
        w.inc();
        for f in fields {
            let value = match &f.value {
                Some(v) => v.clone(),
                None if f.ty.is_fixed_array() && !f.ty.is_nullable() => {
                    let mut v = "Default::default()".to_string();
                    for n in f.ty.dims.iter().rev() {
                        v = format!("[{}]", vec![v; *n].join(", "));
                    }
                    v
                }
                None => "Default::default()".to_string(),
            };
            w.l(&format!("r#{}: {},", f.name, value));
        }
        w.dec();
        w.l("}");
        w.dec();
        w.l("}");
        w.dec();
        w.l("}");
        self.parcelable_trait(w, d, |w| {
            w.l("parcel.sized_write(|subparcel| {");
            w.inc();
            for f in fields {
                if self.type_needs_option(&f.ty) {
                    w.l(&format!("let __field_ref = self.r#{}.as_ref().ok_or(binder::StatusCode::UNEXPECTED_NULL)?;", f.name));
                    w.l("subparcel.write(__field_ref)?;");
                } else {
                    w.l(&format!("subparcel.write(&self.r#{})?;", f.name));
                }
            }
            w.l("Ok(())");
            w.dec();
            w.l("})");
        }, |w| {
            w.l("parcel.sized_read(|subparcel| {");
            w.inc();
            for f in fields {
                w.l("if subparcel.has_more_data() {");
                w.inc();
                if self.type_needs_option(&f.ty) {
                    w.l(&format!("self.r#{} = Some(subparcel.read()?);", f.name));
                } else {
                    w.l(&format!("self.r#{} = subparcel.read()?;", f.name));
                }
                w.dec();
                w.l("}");
            }
            w.l("Ok(())");
            w.dec();
            w.l("})");
        });
    }

    fn capitalized(name: &str) -> String {
        let mut c = name.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    }

    fn union(&self, w: &mut W, d: usize, fields: &[Field]) {
        let decl = self.decl(d);
        w.l(&self.derives(d));
        Self::deprecated(w, &decl.deprecated);
        w.l(&format!("pub enum r#{} {{", decl.name));
        w.inc();
        for f in fields {
            Self::deprecated(w, &f.deprecated);
            w.l(&format!(
                "{}({}),",
                Self::capitalized(&f.name),
                self.field_type(&f.ty)
            ));
        }
        w.dec();
        w.l("}");
        self.constants(w, d);
        w.l(&format!("impl Default for r#{} {{", decl.name));
        w.inc();
        w.l("fn default() -> Self {");
        w.inc();
        if let Some(first) = fields.first() {
            let value = first
                .value
                .clone()
                .unwrap_or_else(|| "Default::default()".into());
            w.l(&format!(
                "Self::{}({})",
                Self::capitalized(&first.name),
                value
            ));
        }
        w.dec();
        w.l("}");
        w.dec();
        w.l("}");
        self.parcelable_trait(w, d, |w| {
            w.l("match self {");
            w.inc();
            for (tag, f) in fields.iter().enumerate() {
                w.l(&format!("Self::{}(v) => {{", Self::capitalized(&f.name)));
                w.inc();
                w.l(&format!("parcel.write(&{tag}i32)?;"));
                if self.type_needs_option(&f.ty) {
                    w.l("let __field_ref = v.as_ref().ok_or(binder::StatusCode::UNEXPECTED_NULL)?;");
                    w.l("parcel.write(__field_ref)");
                } else {
                    w.l("parcel.write(v)");
                }
                w.dec();
                w.l("}");
            }
            w.dec();
            w.l("}");
        }, |w| {
            w.l("let tag: i32 = parcel.read()?;");
            w.l("match tag {");
            w.inc();
            for (tag, f) in fields.iter().enumerate() {
                w.l(&format!("{tag} => {{"));
                w.inc();
                let read = if self.type_needs_option(&f.ty) {
                    "Some(parcel.read()?)"
                } else {
                    "parcel.read()?"
                };
                w.l(&format!("let value: {} = {read};", self.field_type(&f.ty)));
                w.l(&format!("*self = Self::{}(value);", Self::capitalized(&f.name)));
                w.l("Ok(())");
                w.dec();
                w.l("}");
            }
            w.l("_ => {");
            w.l("  Err(binder::StatusCode::BAD_VALUE)");
            w.l("}");
            w.dec();
            w.l("}");
        });
    }

    fn parcelable_trait(
        &self,
        w: &mut W,
        d: usize,
        write: impl FnOnce(&mut W),
        read: impl FnOnce(&mut W),
    ) {
        let decl = self.decl(d);
        w.l(&format!("impl binder::Parcelable for r#{} {{", decl.name));
        w.inc();
        w.l("fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {");
        w.inc();
        write(w);
        w.dec();
        w.l("}");
        w.l("fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {");
        w.inc();
        read(w);
        w.dec();
        w.l("}");
        w.dec();
        w.l("}");
        w.l(&format!(
            "binder::impl_serialize_for_parcelable!(r#{});",
            decl.name
        ));
        w.l(&format!(
            "binder::impl_deserialize_for_parcelable!(r#{});",
            decl.name
        ));
        w.l(&format!(
            "impl binder::binder_impl::ParcelableMetadata for r#{} {{",
            decl.name
        ));
        w.inc();
        w.l(&format!(
            "fn get_descriptor() -> &'static str {{ {} }}",
            quoted(&decl.canonical)
        ));
        if self.is_vintf(d) {
            w.l("fn get_stability(&self) -> binder::binder_impl::Stability { binder::binder_impl::Stability::Vintf }");
        }
        w.dec();
        w.l("}");
    }

    // ---- interfaces ----

    fn descriptor(&self, d: usize) -> String {
        let decl = self.decl(d);
        decl.annotation("Descriptor")
            .and_then(|a| a.params.iter().find(|(k, _)| k == "value"))
            .and_then(|(_, v)| match &v.kind {
                ExprKind::Str(s) => Some(s.trim_matches('"').to_string()),
                _ => None,
            })
            .unwrap_or_else(|| decl.canonical.clone())
    }

    /// AOSP's `BuildMethod`: the signature of a method in one of the traits.
    fn method_sig(&self, m: &Method, kind: Kind) -> String {
        let arg_lt = if kind == Kind::BoxedFuture {
            Lt::A
        } else {
            Lt::Fresh
        };
        let mut lifetimes = Vec::new();
        let method_type = self.rust_name_of(&m.ret, Mode::Value, Lt::A, &mut lifetimes);
        let mut ret = format!("binder::Result<{method_type}>");
        let mut prefix = "";
        match kind {
            Kind::Normal => {}
            Kind::Async => prefix = "async ",
            Kind::BoxedFuture => ret = format!("binder::BoxFuture<'a, {ret}>"),
        }
        let mut params = format!("&{}self", Self::lifetime(Lt::A, &mut lifetimes));
        for a in &m.args {
            params.push_str(", ");
            params.push_str(&self.build_arg(a, arg_lt, &mut lifetimes));
        }
        let mut generics = "<".to_string();
        for l in &lifetimes {
            generics.push_str(&format!("'{l}, "));
        }
        generics.push('>');
        format!("{prefix}fn r#{}{generics}({params}) -> {ret}", m.name)
    }

    fn arg_names(m: &Method) -> String {
        m.args
            .iter()
            .map(|a| format!("_arg_{}", a.name))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn interface(&self, w: &mut W, d: usize, methods: &[Method]) {
        let decl = self.decl(d);
        let tn = trait_name(decl);
        let base = base_name(&decl.name);
        let (bn, bp) = (format!("Bn{base}"), format!("Bp{base}"));
        let async_name = format!("{tn}Async");
        let server_name = format!("{tn}AsyncServer");
        let default_name = format!("{tn}Default");
        let default_ref = format!("{default_name}Ref");
        let descriptor = quoted(&self.descriptor(d));
        let sensitive = decl.has_annotation("SensitiveData");
        let user: Vec<&Method> = methods.iter().filter(|m| m.user_defined).collect();

        w.l("#![allow(non_upper_case_globals)]");
        w.l("#![allow(non_snake_case)]");
        w.l("#[allow(unused_imports)] use binder::binder_impl::IBinderInternal;");
        w.l("#[cfg(any(android_vndk, not(android_ndk)))]");
        w.l("const FLAG_PRIVATE_LOCAL: binder::binder_impl::TransactionFlags = binder::binder_impl::FLAG_PRIVATE_LOCAL;");
        w.l("#[cfg(not(any(android_vndk, not(android_ndk))))]");
        w.l("const FLAG_PRIVATE_LOCAL: binder::binder_impl::TransactionFlags = 0;");
        w.l("use binder::declare_binder_interface;");
        w.l("declare_binder_interface! {");
        w.inc();
        w.l(&format!("{tn}[{descriptor}] {{"));
        w.inc();
        w.l(&format!("native: {bn}(on_transact),"));
        w.l(&format!("proxy: {bp} {{"));
        w.inc();
        if self.version > 0 {
            let comma = if self.hash.is_empty() { "" } else { "," };
            w.l(&format!("cached_version: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1){comma}"));
        }
        if !self.hash.is_empty() {
            w.l("cached_hash: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None)");
        }
        w.dec();
        w.l("},");
        w.l(&format!("async: {async_name}(try_into_local_async),"));
        if self.is_vintf(d) {
            w.l("stability: binder::binder_impl::Stability::Vintf,");
        }
        w.dec();
        w.l("}");
        w.dec();
        w.l("}");

        // The synchronous trait.
        Self::deprecated(w, &decl.deprecated);
        w.l(&format!("pub trait {tn}: binder::Interface + Send {{"));
        w.inc();
        w.l(&format!(
            "fn get_descriptor() -> &'static str where Self: Sized {{ {descriptor} }}"
        ));
        for m in methods {
            Self::deprecated(w, &m.deprecated);
            if m.user_defined {
                w.l(&format!("{};", self.method_sig(m, Kind::Normal)));
            } else {
                w.l(&format!("{} {{", self.method_sig(m, Kind::Normal)));
                w.inc();
                w.l(self.meta_body(m, "Ok(VERSION)", "Ok(HASH.into())"));
                w.dec();
                w.l("}");
            }
        }
        w.l(&format!(
            "fn getDefaultImpl() -> {default_ref} where Self: Sized {{"
        ));
        w.l("  DEFAULT_IMPL.lock().unwrap().clone()");
        w.l("}");
        w.l(&format!(
            "fn setDefaultImpl(d: {default_ref}) -> {default_ref} where Self: Sized {{"
        ));
        w.l("  std::mem::replace(&mut *DEFAULT_IMPL.lock().unwrap(), d)");
        w.l("}");
        w.l(&format!(
            "fn try_as_async_server<'a>(&'a self) -> Option<&'a (dyn {server_name} + Send + Sync)> {{"
        ));
        w.l("  None");
        w.l("}");
        w.dec();
        w.l("}");

        // The client's asynchronous trait.
        Self::deprecated(w, &decl.deprecated);
        w.l(&format!(
            "pub trait {async_name}<P>: binder::Interface + Send {{"
        ));
        w.inc();
        w.l(&format!(
            "fn get_descriptor() -> &'static str where Self: Sized {{ {descriptor} }}"
        ));
        for m in methods {
            Self::deprecated(w, &m.deprecated);
            if m.user_defined {
                w.l(&format!("{};", self.method_sig(m, Kind::BoxedFuture)));
            } else {
                w.l(&format!("{} {{", self.method_sig(m, Kind::BoxedFuture)));
                w.inc();
                w.l(self.meta_body(
                    m,
                    "Box::pin(async move { Ok(VERSION) })",
                    "Box::pin(async move { Ok(HASH.into()) })",
                ));
                w.dec();
                w.l("}");
            }
        }
        w.dec();
        w.l("}");

        // The server's asynchronous trait.
        Self::deprecated(w, &decl.deprecated);
        w.l("#[::async_trait::async_trait]");
        w.l(&format!(
            "pub trait {server_name}: binder::Interface + Send {{"
        ));
        w.inc();
        w.l(&format!(
            "fn get_descriptor() -> &'static str where Self: Sized {{ {descriptor} }}"
        ));
        for m in &user {
            Self::deprecated(w, &m.deprecated);
            w.l(&format!("{};", self.method_sig(m, Kind::Async)));
        }
        w.dec();
        w.l("}");

        self.async_adapters(w, &tn, &bn, &server_name, &async_name, &user);

        // The default implementation's trait.
        w.l(&format!("pub trait {default_name}: Send + Sync {{"));
        w.inc();
        for m in &user {
            w.l(&format!("{} {{", self.method_sig(m, Kind::Normal)));
            w.l("  Err(binder::StatusCode::UNKNOWN_TRANSACTION.into())");
            w.l("}");
        }
        w.dec();
        w.l("}");

        w.l("pub mod transactions {");
        w.inc();
        for m in methods {
            w.l(&format!(
                "pub const r#{}: binder::binder_impl::TransactionCode = binder::binder_impl::FIRST_CALL_TRANSACTION + {};",
                m.name,
                m.id.unwrap_or_default()
            ));
        }
        w.dec();
        w.l("}");
        w.l(&format!(
            "pub type {default_ref} = Option<std::sync::Arc<dyn {default_name}>>;"
        ));
        w.l(&format!(
            "static DEFAULT_IMPL: std::sync::Mutex<{default_ref}> = std::sync::Mutex::new(None);"
        ));
        self.constants(w, d);
        if self.version > 0 {
            w.l(&format!("pub const VERSION: i32 = {};", self.version));
        }
        if !self.hash.is_empty() {
            w.l(&format!("pub const HASH: &str = {};", quoted(self.hash)));
        }

        // The proxy.
        w.l(&format!("impl {bp} {{"));
        w.inc();
        for m in methods {
            self.client_helpers(w, m, &tn, sensitive);
        }
        w.dec();
        w.l("}");
        w.l(&format!("impl {tn} for {bp} {{"));
        w.inc();
        for m in methods {
            self.client_method(w, m, sensitive, Kind::Normal);
        }
        w.dec();
        w.l("}");
        w.l(&format!(
            "impl<P: binder::BinderAsyncPool> {async_name}<P> for {bp} {{"
        ));
        w.inc();
        for m in methods {
            self.client_method(w, m, sensitive, Kind::BoxedFuture);
        }
        w.dec();
        w.l("}");

        // The stub.
        w.l(&format!(
            "impl {tn} for binder::binder_impl::Binder<{bn}> {{"
        ));
        w.inc();
        for m in methods {
            w.l(&format!(
                "{} {{ self.0.r#{}({}) }}",
                self.method_sig(m, Kind::Normal),
                m.name,
                Self::arg_names(m)
            ));
        }
        w.dec();
        w.l("}");
        w.l(&format!("fn on_transact(_aidl_service: &dyn {tn}, _aidl_code: binder::binder_impl::TransactionCode, _aidl_data: &binder::binder_impl::BorrowedParcel<'_>, _aidl_reply: &mut binder::binder_impl::BorrowedParcel<'_>) -> std::result::Result<(), binder::StatusCode> {{"));
        w.inc();
        w.l("match _aidl_code {");
        w.inc();
        for m in methods {
            self.server_transaction(w, m);
        }
        w.l("_ => Err(binder::StatusCode::UNKNOWN_TRANSACTION)");
        w.dec();
        w.l("}");
        w.dec();
        w.l("}");
    }

    fn meta_body<'s>(&self, m: &Method, version: &'s str, hash: &'s str) -> &'s str {
        if m.name == "getInterfaceVersion" && self.version > 0 {
            version
        } else if m.name == "getInterfaceHash" && !self.hash.is_empty() {
            hash
        } else {
            ""
        }
    }

    fn async_adapters(
        &self,
        w: &mut W,
        tn: &str,
        bn: &str,
        server_name: &str,
        async_name: &str,
        user: &[&Method],
    ) {
        w.l(&format!("impl {bn} {{"));
        w.inc();
        w.l("/// Create a new async binder service.");
        w.l(&format!("pub fn new_async_binder<T, R>(inner: T, rt: R, features: binder::BinderFeatures) -> binder::Strong<dyn {tn}>"));
        w.l("where");
        w.inc();
        w.l(&format!(
            "T: {server_name} + binder::Interface + Send + Sync + 'static,"
        ));
        w.l("R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,");
        w.dec();
        w.l("{");
        w.inc();
        w.l("struct Wrapper<T, R> {");
        w.l("  _inner: T,");
        w.l("  _rt: R,");
        w.l("}");
        w.l("impl<T, R> binder::Interface for Wrapper<T, R> where T: binder::Interface, R: Send + Sync + 'static {");
        w.l("  fn as_binder(&self) -> binder::SpIBinder { self._inner.as_binder() }");
        w.l("  fn dump(&self, _writer: &mut dyn std::io::Write, _args: &[&std::ffi::CStr]) -> std::result::Result<(), binder::StatusCode> { self._inner.dump(_writer, _args) }");
        w.l("}");
        w.l(&format!("impl<T, R> {tn} for Wrapper<T, R>"));
        w.l("where");
        w.inc();
        w.l(&format!("T: {server_name} + Send + Sync + 'static,"));
        w.l("R: binder::binder_impl::BinderAsyncRuntime + Send + Sync + 'static,");
        w.dec();
        w.l("{");
        w.inc();
        for m in user {
            w.l(&format!("{} {{", self.method_sig(m, Kind::Normal)));
            w.l(&format!(
                "  self._rt.block_on(self._inner.r#{}({}))",
                m.name,
                Self::arg_names(m)
            ));
            w.l("}");
        }
        w.l(&format!(
            "fn try_as_async_server(&self) -> Option<&(dyn {server_name} + Send + Sync)> {{"
        ));
        w.l("  Some(&self._inner)");
        w.l("}");
        w.dec();
        w.l("}");
        w.l("let wrapped = Wrapper { _inner: inner, _rt: rt };");
        w.l("Self::new_binder(wrapped, features)");
        w.dec();
        w.l("}");
        w.l(&format!("pub fn try_into_local_async<P: binder::BinderAsyncPool + 'static>(_native: binder::binder_impl::Binder<Self>) -> Option<binder::Strong<dyn {async_name}<P>>> {{"));
        w.inc();
        w.l("struct Wrapper {");
        w.l(&format!("  _native: binder::binder_impl::Binder<{bn}>"));
        w.l("}");
        w.l("impl binder::Interface for Wrapper {}");
        w.l(&format!(
            "impl<P: binder::BinderAsyncPool> {async_name}<P> for Wrapper {{"
        ));
        w.inc();
        for m in user {
            w.l(&format!("{} {{", self.method_sig(m, Kind::BoxedFuture)));
            w.l(&format!(
                "  Box::pin(self._native.try_as_async_server().unwrap().r#{}({}))",
                m.name,
                Self::arg_names(m)
            ));
            w.l("}");
        }
        w.dec();
        w.l("}");
        w.l("if _native.try_as_async_server().is_some() {");
        w.l(&format!(
            "  Some(binder::Strong::new(Box::new(Wrapper {{ _native }}) as Box<dyn {async_name}<P>>))"
        ));
        w.l("} else {");
        w.l("  None");
        w.l("}");
        w.dec();
        w.l("}");
        w.dec();
        w.l("}");
    }

    fn client_helpers(&self, w: &mut W, m: &Method, tn: &str, sensitive: bool) {
        let mut params = "&self".to_string();
        for a in &m.args {
            params.push_str(", ");
            params.push_str(&self.build_arg(a, Lt::None, &mut Vec::new()));
        }
        w.l(&format!(
            "fn build_parcel_{}({params}) -> binder::Result<binder::binder_impl::Parcel> {{",
            m.name
        ));
        w.inc();
        w.l("let mut aidl_data = self.binder.prepare_transact()?;");
        if sensitive {
            w.l("aidl_data.mark_sensitive();");
        }
        for a in &m.args {
            let name = format!("_arg_{}", a.name);
            if a.is_in() {
                if matches!(self.ref_mode(a), RefMode::Ref | RefMode::MutRef) {
                    w.l(&format!("aidl_data.write({name})?;"));
                } else {
                    w.l(&format!("aidl_data.write(&{name})?;"));
                }
            } else if a.ty.is_dynamic_array() {
                if a.ty.is_nullable() {
                    w.l(&format!("aidl_data.write_slice_size({name}.as_deref())?;"));
                } else {
                    w.l(&format!("aidl_data.write_slice_size(Some({name}))?;"));
                }
            }
        }
        w.l("Ok(aidl_data)");
        w.dec();
        w.l("}");
        let ret = self.value_type(&m.ret);
        w.l(&format!("fn read_response_{}({params}, _aidl_reply: std::result::Result<binder::binder_impl::Parcel, binder::StatusCode>) -> binder::Result<{ret}> {{", m.name));
        w.inc();
        if m.user_defined {
            w.l("if let Err(binder::StatusCode::UNKNOWN_TRANSACTION) = _aidl_reply {");
            w.l(&format!(
                "  if let Some(_aidl_default_impl) = <Self as {tn}>::getDefaultImpl() {{"
            ));
            w.l(&format!(
                "    return _aidl_default_impl.r#{}({});",
                m.name,
                Self::arg_names(m)
            ));
            w.l("  }");
            w.l("}");
        }
        w.l("let _aidl_reply = _aidl_reply?;");
        let mut ret_val = "()";
        if !m.oneway {
            w.l("let _aidl_status: binder::Status = _aidl_reply.read()?;");
            w.l("if !_aidl_status.is_ok() { return Err(_aidl_status); }");
            if m.ret.name != "void" {
                w.l(&format!("let _aidl_return: {ret} = _aidl_reply.read()?;"));
                ret_val = "_aidl_return";
                if !m.user_defined {
                    if m.name == "getInterfaceVersion" && self.version > 0 {
                        w.l("self.cached_version.store(_aidl_return, std::sync::atomic::Ordering::Relaxed);");
                    }
                    if m.name == "getInterfaceHash" && !self.hash.is_empty() {
                        w.l("*self.cached_hash.lock().unwrap() = Some(_aidl_return.clone());");
                    }
                }
            }
            for a in m.args.iter().filter(|a| a.is_out()) {
                w.l(&format!("_aidl_reply.read_onto(_arg_{})?;", a.name));
            }
        }
        w.l(&format!("Ok({ret_val})"));
        w.dec();
        w.l("}");
    }

    fn client_method(&self, w: &mut W, m: &Method, sensitive: bool, kind: Kind) {
        w.l(&format!("{} {{", self.method_sig(m, kind)));
        w.inc();
        let ready = |v: &str| match kind {
            Kind::BoxedFuture => format!("Box::pin(std::future::ready({v}))"),
            _ => v.to_string(),
        };
        if !m.user_defined {
            if m.name == "getInterfaceVersion" && self.version > 0 {
                w.l("let _aidl_version = self.cached_version.load(std::sync::atomic::Ordering::Relaxed);");
                w.l(&format!(
                    "if _aidl_version != -1 {{ return {}; }}",
                    ready("Ok(_aidl_version)")
                ));
            }
            if m.name == "getInterfaceHash" && !self.hash.is_empty() {
                w.l("{");
                w.l("  let _aidl_hash_lock = self.cached_hash.lock().unwrap();");
                w.l("  if let Some(ref _aidl_hash) = *_aidl_hash_lock {");
                w.l(&format!("    return {};", ready("Ok(_aidl_hash.clone())")));
                w.l("  }");
                w.l("}");
            }
        }
        let args = Self::arg_names(m);
        let response_args = if args.is_empty() {
            "_aidl_reply".to_string()
        } else {
            format!("{args}, _aidl_reply")
        };
        let mut flags = Vec::new();
        if m.oneway {
            flags.push("binder::binder_impl::FLAG_ONEWAY");
        }
        if sensitive {
            flags.push("binder::binder_impl::FLAG_CLEAR_BUF");
        }
        flags.push("FLAG_PRIVATE_LOCAL");
        let flags = flags.join(" | ");
        let submit = format!(
            "submit_transact(transactions::r#{}, _aidl_data, {flags})",
            m.name
        );
        match kind {
            Kind::Normal | Kind::Async => {
                w.l(&format!(
                    "let _aidl_data = self.build_parcel_{}({args})?;",
                    m.name
                ));
                w.l(&format!("let _aidl_reply = self.binder.{submit};"));
                w.l(&format!("self.read_response_{}({response_args})", m.name));
            }
            Kind::BoxedFuture => {
                w.l(&format!(
                    "let _aidl_data = match self.build_parcel_{}({args}) {{",
                    m.name
                ));
                w.inc();
                w.l("Ok(_aidl_data) => _aidl_data,");
                w.l("Err(err) => return Box::pin(std::future::ready(Err(err))),");
                w.dec();
                w.l("};");
                w.l("let binder = self.binder.clone();");
                w.l("P::spawn(");
                w.inc();
                w.l(&format!("move || binder.{submit},"));
                w.l("move |_aidl_reply| async move {");
                w.inc();
                w.l(&format!("self.read_response_{}({response_args})", m.name));
                w.dec();
                w.l("}");
                w.dec();
                w.l(")");
            }
        }
        w.dec();
        w.l("}");
    }

    fn server_transaction(&self, w: &mut W, m: &Method) {
        w.l(&format!("transactions::r#{} => {{", m.name));
        w.inc();
        let mut args = Vec::new();
        for a in &m.args {
            let name = format!("_arg_{}", a.name);
            let mode = if a.is_in() {
                Mode::Value
            } else {
                Mode::DefaultValue
            };
            let ty = self.rust_name_of(&a.ty, mode, Lt::None, &mut Vec::new());
            let mutable = if a.is_out() { "mut " } else { "" };
            let init = if a.is_in() {
                "_aidl_data.read()?"
            } else {
                "Default::default()"
            };
            w.l(&format!("let {mutable}{name}: {ty} = {init};"));
            if !a.is_in() && a.ty.is_dynamic_array() {
                let resize = if a.ty.is_nullable() {
                    "resize_nullable_out_vec"
                } else {
                    "resize_out_vec"
                };
                w.l(&format!("_aidl_data.{resize}(&mut {name})?;"));
            }
            args.push(match self.ref_mode(a) {
                RefMode::Ref => format!("&{name}"),
                RefMode::MutRef => format!("&mut {name}"),
                RefMode::AsRef => format!("{name}.as_ref()"),
                RefMode::AsDeref => format!("{name}.as_deref()"),
                RefMode::Value => name,
            });
        }
        w.l(&format!(
            "let _aidl_return = _aidl_service.r#{}({});",
            m.name,
            args.join(", ")
        ));
        if !m.oneway {
            w.l("match &_aidl_return {");
            w.inc();
            w.l("Ok(_aidl_return) => {");
            w.inc();
            w.l("_aidl_reply.write(&binder::Status::from(binder::StatusCode::OK))?;");
            if m.ret.name != "void" {
                w.l("_aidl_reply.write(_aidl_return)?;");
            }
            for a in m.args.iter().filter(|a| a.is_out()) {
                let name = format!("_arg_{}", a.name);
                if !a.is_in() && a.ty.is_array() && a.ty.name == "ParcelFileDescriptor" {
                    w.l(&format!("if {name}.iter().any(Option::is_none) {{ return Err(binder::StatusCode::UNEXPECTED_NULL); }}"));
                } else if !a.is_in() && self.type_needs_option(&a.ty) {
                    w.l(&format!(
                        "let {name} = {name}.ok_or(binder::StatusCode::UNEXPECTED_NULL)?;"
                    ));
                }
                w.l(&format!("_aidl_reply.write(&{name})?;"));
            }
            w.dec();
            w.l("}");
            w.l("Err(_aidl_status) => _aidl_reply.write(_aidl_status)?");
            w.dec();
            w.l("}");
        }
        w.l("Ok(())");
        w.dec();
        w.l("}");
    }
}
