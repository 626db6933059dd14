// Copyright 2026 The okrd Authors.
//
// The mind-map importer plugin (okrd_mindmap.so), okr.importer/1 for
//   FreeMind 1.0.1 maps (<map version="1.0.1">, nested <node TEXT=...>,
//     rich text in <richcontent TYPE="NODE">), which Freeplane 1.9/1.11
//     also writes (<map version="freeplane 1.9.13">, key = value node
//     attributes as <attribute NAME=".." VALUE=".."/>), and
//   OPML 2.0 outlines (<opml version="2.0"><body><outline text=...>),
//     custom attributes on <outline> taken as attributes.
// Shape: root = the company, its children = objectives, theirs = key
// results, written as "Title 40 -> 60 %" or with attributes start, target,
// unit (and optionally current, kind, owner, key, cycle on the root). Any
// other shape gets a diagnostic naming the line. Read with pugixml.

#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

#include "okr_plugin.h"
#include "plugins/mindmap/kr_text.h"

namespace okr::mindmap {
namespace {

struct Node {
  std::string text;
  std::map<std::string, std::string> attrs;
  ptrdiff_t offset = 0;
  std::vector<Node> children;
};

// Views for the records; the strings must outlive the record() call. A
// literal binds to the array overload, never to a temporary std::string.
okr_str S(const std::string& s) { return {s.data(), s.size()}; }
template <size_t N>
okr_str S(const char (&literal)[N]) {
  return {literal, N - 1};
}

class Reader {
 public:
  Reader(okr_str name, okr_bytes input, const okr_record_sink* out,
         const okr_diag_sink* diag)
      : name_(name.ptr, name.len),
        input_(reinterpret_cast<const char*>(input.ptr), input.len),
        out_(out),
        diag_(diag) {}

  int32_t Run(const std::string& cycle_option) {
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(input_.data(), input_.size());
    if (!r) {
      Report(OKR_SEV_ERROR, r.offset,
             std::string("not well-formed XML: ") + r.description());
      return OKR_E_INVALID_INPUT;
    }
    Node root;
    const pugi::xml_node top = doc.document_element();
    if (std::strcmp(top.name(), "map") == 0) {
      if (!FromFreeMind(top, &root)) return OKR_E_INVALID_INPUT;
    } else if (std::strcmp(top.name(), "opml") == 0) {
      if (!FromOpml(top, &root)) return OKR_E_INVALID_INPUT;
    } else {
      Report(OKR_SEV_ERROR, top.offset_debug(),
             std::string("the root element is <") + top.name() +
                 ">: not a FreeMind/Freeplane <map> or an OPML <opml>");
      return OKR_E_INVALID_INPUT;
    }
    return Emit(root, cycle_option);
  }

 private:
  void Report(int32_t severity, ptrdiff_t offset, const std::string& message) {
    // pugixml's element offsets point at the name: report the '<'.
    if (offset > 0 && offset <= static_cast<ptrdiff_t>(input_.size()) &&
        input_[offset - 1] == '<') {
      --offset;
    }
    int64_t line = 1, column = 1;
    for (ptrdiff_t i = 0;
         i < offset && i < static_cast<ptrdiff_t>(input_.size()); ++i) {
      if (input_[i] == '\n')
        ++line, column = 1;
      else
        ++column;
    }
    diag_->report(diag_->ctx, severity, S(name_), line, column, S(message));
    if (severity == OKR_SEV_ERROR) ++errors_;
  }

  int64_t LineOf(ptrdiff_t offset) const {
    int64_t line = 1;
    for (ptrdiff_t i = 0;
         i < offset && i < static_cast<ptrdiff_t>(input_.size()); ++i) {
      line += input_[i] == '\n';
    }
    return line;
  }

  static std::string AllText(pugi::xml_node n) {
    std::string out;
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        out += c.value();
      } else {
        std::string inner = AllText(c);
        if (!inner.empty() && !out.empty()) out += ' ';
        out += inner;
      }
    }
    // Collapse whitespace runs.
    std::string collapsed;
    for (char ch : out) {
      const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
      if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
      collapsed += space ? ' ' : ch;
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    return collapsed;
  }

  void ReadFreeMindNode(pugi::xml_node n, Node* out, int depth) {
    out->offset = n.offset_debug();
    out->text = n.attribute("TEXT").value();
    for (pugi::xml_node c : n.children()) {
      if (std::strcmp(c.name(), "richcontent") == 0 && out->text.empty() &&
          std::strcmp(c.attribute("TYPE").value(), "NODE") == 0) {
        out->text = AllText(c);
      } else if (std::strcmp(c.name(), "attribute") == 0) {
        out->attrs[c.attribute("NAME").value()] = c.attribute("VALUE").value();
      } else if (std::strcmp(c.name(), "node") == 0 && depth < 8) {
        out->children.emplace_back();
        ReadFreeMindNode(c, &out->children.back(), depth + 1);
      }
    }
  }

  bool FromFreeMind(pugi::xml_node map, Node* root) {
    const pugi::xml_node first = map.child("node");
    if (!first) {
      Report(OKR_SEV_ERROR, map.offset_debug(), "the map has no root <node>");
      return false;
    }
    if (first.next_sibling("node")) {
      Report(OKR_SEV_ERROR, first.next_sibling("node").offset_debug(),
             "the map has more than one root <node>");
      return false;
    }
    ReadFreeMindNode(first, root, 0);
    return true;
  }

  void ReadOutline(pugi::xml_node n, Node* out, int depth) {
    out->offset = n.offset_debug();
    for (pugi::xml_attribute a : n.attributes()) {
      const std::string key = a.name();
      if (key == "text")
        out->text = a.value();
      else if (key != "_note" && key != "type" && key != "created")
        out->attrs[key] = a.value();
    }
    for (pugi::xml_node c : n.children("outline")) {
      if (depth >= 8) break;
      out->children.emplace_back();
      ReadOutline(c, &out->children.back(), depth + 1);
    }
  }

  bool FromOpml(pugi::xml_node opml, Node* root) {
    const pugi::xml_node body = opml.child("body");
    if (!body || !body.child("outline")) {
      Report(OKR_SEV_ERROR, opml.offset_debug(),
             "the OPML file has no <body> with <outline> elements");
      return false;
    }
    std::vector<pugi::xml_node> tops;
    for (pugi::xml_node o : body.children("outline")) tops.push_back(o);
    if (tops.size() == 1) {
      ReadOutline(tops[0], root, 0);
      return true;
    }
    // Several top-level outlines: they are the objectives, and the
    // document's title names the company.
    root->text = AllText(opml.child("head").child("title"));
    root->offset = body.offset_debug();
    if (root->text.empty()) {
      Report(OKR_SEV_ERROR, body.offset_debug(),
             "several top-level outlines but no <head><title> to name the "
             "company: wrap them in one outline or add a title");
      return false;
    }
    for (pugi::xml_node o : tops) {
      root->children.emplace_back();
      ReadOutline(o, &root->children.back(), 1);
    }
    return true;
  }

  bool Record(const char* kind, const std::vector<okr_kv>& fields,
              ptrdiff_t offset) {
    return out_->record(out_->ctx, {kind, std::strlen(kind)}, fields.data(),
                        fields.size(), LineOf(offset)) == 0;
  }

  std::string Unique(std::string key) {
    std::string k = key;
    for (int i = 2; !keys_.insert(k).second; ++i)
      k = key + "-" + std::to_string(i);
    return k;
  }

  static std::string Attr(const Node& n, const char* key) {
    auto it = n.attrs.find(key);
    return it == n.attrs.end() ? "" : it->second;
  }

  int32_t Emit(const Node& root, const std::string& cycle_option) {
    if (root.text.empty()) {
      Report(OKR_SEV_ERROR, root.offset,
             "the root node has no text to name the company");
      return OKR_E_INVALID_INPUT;
    }
    const std::string unit = Slug(root.text);
    std::string cycle = Attr(root, "cycle");
    if (cycle.empty()) cycle = cycle_option;
    if (cycle.empty()) {
      Report(
          OKR_SEV_ERROR, root.offset,
          "no cycle: give the root node a 'cycle' attribute or pass --cycle");
    }
    if (root.children.empty()) {
      Report(OKR_SEV_ERROR, root.offset,
             "the root node has no children: there are no objectives");
    }
    if (errors_ > 0) return OKR_E_INVALID_INPUT;
    if (!Record("unit",
                {{S("key"), S(unit)},
                 {S("name"), S(root.text)},
                 {S("level"), {"company", 7}}},
                root.offset)) {
      return OKR_E_LIMIT;
    }
    for (const Node& o : root.children) {
      if (!EmitObjective(o, unit, cycle)) return OKR_E_LIMIT;
    }
    return errors_ > 0 ? OKR_E_INVALID_INPUT : OKR_OK;
  }

  bool EmitObjective(const Node& o, const std::string& unit,
                     const std::string& cycle) {
    if (o.text.empty()) {
      Report(OKR_SEV_ERROR, o.offset, "an objective node has no text");
      return true;
    }
    std::string key = Attr(o, "key");
    key = Unique(key.empty() ? Slug(o.text) : key);
    const std::string owner = Attr(o, "owner");
    if (!Record("objective",
                {{S("key"), S(key)},
                 {S("title"), S(o.text)},
                 {S("unit"), S(unit)},
                 {S("cycle"), S(cycle)},
                 {S("owner"), S(owner)},
                 {S("level"), {"company", 7}}},
                o.offset)) {
      return false;
    }
    if (o.children.empty()) {
      Report(
          OKR_SEV_WARNING, o.offset,
          "objective \"" + o.text + "\" has no key results (no child nodes)");
    }
    for (const Node& k : o.children) {
      if (!EmitKr(k, key)) return false;
    }
    return true;
  }

  bool EmitKr(const Node& k, const std::string& objective) {
    for (const Node& deeper : k.children) {
      Report(OKR_SEV_WARNING, deeper.offset,
             "\"" + deeper.text + "\" is below key result \"" + k.text +
                 "\": deeper nodes are not read; ignored");
    }
    KrText t = ParseKrText(k.text);
    std::string start = Attr(k, "start"), target = Attr(k, "target");
    std::string measure = Attr(k, "unit"), kind = Attr(k, "kind");
    if (t.shape == KrText::Shape::kBadNumbers) {
      Report(OKR_SEV_ERROR, k.offset,
             "key result \"" + k.text + "\": cannot read \"" + t.start +
                 "\" -> \"" + t.target + "\" as start -> target numbers");
      return true;
    }
    if (t.shape == KrText::Shape::kRange) {
      if (start.empty()) start = t.start;
      if (target.empty()) target = t.target;
      if (measure.empty()) measure = t.unit;
    }
    if (start.empty() && target.empty() && kind.empty()) {
      kind = "milestone";
      Report(OKR_SEV_WARNING, k.offset,
             "key result \"" + t.title +
                 "\" has no \"start -> target\" text "
                 "and no start/target attributes: imported as a milestone");
    }
    if (t.title.empty()) {
      Report(OKR_SEV_ERROR, k.offset,
             "key result has no title before its numbers");
      return true;
    }
    std::string key = Attr(k, "key");
    key = Unique(key.empty() ? objective + "-" + Slug(t.title) : key);
    std::vector<okr_kv> fields = {{S("key"), S(key)},
                                  {S("objective"), S(objective)},
                                  {S("title"), S(t.title)}};
    const std::pair<const char*, const std::string*> optional[] = {
        {"start", &start},
        {"target", &target},
        {"unit", &measure},
        {"kind", &kind}};
    for (const auto& [name, value] : optional) {
      if (!value->empty())
        fields.push_back({{name, std::strlen(name)}, S(*value)});
    }
    for (const char* extra : {"current", "owner", "weight", "due"}) {
      auto it = k.attrs.find(extra);
      if (it != k.attrs.end())
        fields.push_back({{extra, std::strlen(extra)}, S(it->second)});
    }
    return Record("kr", fields, k.offset);
  }

  std::string name_;
  std::string_view input_;
  const okr_record_sink* out_;
  const okr_diag_sink* diag_;
  std::set<std::string> keys_;
  int errors_ = 0;
};

std::string Option(const okr_kv* options, size_t n, const char* key) {
  for (size_t i = 0; i < n; ++i) {
    if (options[i].key.len == std::strlen(key) &&
        std::memcmp(options[i].key.ptr, key, options[i].key.len) == 0) {
      return std::string(options[i].value.ptr, options[i].value.len);
    }
  }
  return "";
}

int32_t Import(const okr_host* /*host*/, okr_str name, okr_bytes input,
               const okr_kv* options, size_t n_options,
               const okr_record_sink* out, const okr_diag_sink* diag) {
  try {
    Reader reader(name, input, out, diag);
    return reader.Run(Option(options, n_options, "cycle"));
  } catch (...) {
    return OKR_E_INTERNAL;
  }
}

bool EndsWith(okr_str s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.len >= n && std::memcmp(s.ptr + s.len - n, suffix, n) == 0;
}

int32_t Probe(okr_str name, okr_bytes head) {
  const std::string h(reinterpret_cast<const char*>(head.ptr),
                      head.len < 4096 ? head.len : 4096);
  if (h.find("<map version=") != std::string::npos) return 90;
  if (h.find("<opml") != std::string::npos) return 90;
  if (EndsWith(name, ".mm") || EndsWith(name, ".opml")) return 40;
  return 0;
}

const char kSample[] =
    "<map version=\"1.0.1\">\n"
    "<node TEXT=\"Acme\"><attribute NAME=\"cycle\" VALUE=\"2027-Q1\"/>\n"
    "<node TEXT=\"Delight customers\" POSITION=\"right\">\n"
    "<node TEXT=\"NPS 30 -&gt; 45\"/>\n"
    "<node TEXT=\"Median reply time 24 -&gt; 4 h\"/>\n"
    "</node>\n</node>\n</map>\n";

const char* const kExtensions[] = {".mm", ".opml", nullptr};

const okr_importer_v1 kImporter = {
    sizeof(okr_importer_v1),
    "mindmap",
    kExtensions,
    Probe,
    Import,
    {reinterpret_cast<const uint8_t*>(kSample), sizeof kSample - 1}};

const void* GetInterface(const char* id) {
  return std::strcmp(id, OKR_IFACE_IMPORTER_1) == 0 ? &kImporter : nullptr;
}

struct Count {
  int krs = 0;
  int objectives = 0;
};

int32_t CountRecord(void* ctx, okr_str kind, const okr_kv*, size_t, int64_t) {
  auto* c = static_cast<Count*>(ctx);
  const std::string k(kind.ptr, kind.len);
  c->krs += k == "kr";
  c->objectives += k == "objective";
  return 0;
}

int32_t SelfTest(const okr_host* /*host*/, const okr_diag_sink* diag) {
  Count count;
  const okr_record_sink sink{&count, CountRecord};
  const okr_bytes bytes{reinterpret_cast<const uint8_t*>(kSample),
                        sizeof kSample - 1};
  const int32_t code =
      Import(nullptr, {"sample.mm", 9}, bytes, nullptr, 0, &sink, diag);
  if (code != OKR_OK) return code;
  return count.objectives == 1 && count.krs == 2 ? OKR_OK : OKR_E_INTERNAL;
}

const okr_plugin kPlugin = {OKR_ABI_MAJOR,
                            OKR_ABI_MINOR,
                            sizeof(okr_plugin),
                            "org.okrd.mindmap",
                            "FreeMind/Freeplane mind maps and OPML outlines",
                            "0.1.0",
                            GetInterface,
                            SelfTest};

}  // namespace
}  // namespace okr::mindmap

extern "C" OKR_EXPORT const okr_plugin* okr_plugin_entry(void) {
  return &okr::mindmap::kPlugin;
}
