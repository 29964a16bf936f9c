#include "corpus.hpp"

namespace peers::routing {
namespace {

// A saved corpus (RoutingIndex::save): every table in the order below, strings inline (a
// restored corpus points into the saved bytes), numbers as varints, big arrays raw.
constexpr char index_magic[8] = {'P', 'E', 'E', 'R', 'S', 'R', 'X', '2'};

std::uint64_t hash_probe() { return std::hash<std::string_view>{}("peers routing index"); }

template <typename T>
void put_array(std::string& out, const std::vector<T>& items) {
  put_varint(out, items.size());
  out.append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
}

template <typename T>
std::vector<T> take_array(std::string_view& in) {
  std::uint64_t n = take_varint(in);
  if (n > in.size() / sizeof(T)) throw bytes::Corrupt("truncated");
  std::vector<T> items(n);
  // An empty vector's data() may be null, which memcpy must not get even for 0 bytes.
  if (n > 0) std::memcpy(items.data(), in.data(), n * sizeof(T));
  in.remove_prefix(n * sizeof(T));
  return items;
}

void put_span(std::string& out, Span s) {
  put_varint(out, s.begin);
  put_varint(out, s.size);
}

}  // namespace

void Interner::save(std::string& out) const {
  put_varint(out, strings_.size());
  for (auto text : strings_) put_string(out, text);
  put_array(out, slots_);
}

Interner Interner::restore(std::string_view& in) {
  Interner table;
  for (std::uint64_t n = take_count(in); n > 0; --n) table.strings_.push_back(take_string(in));
  table.slots_ = take_array<std::uint32_t>(in);
  std::size_t size = table.slots_.size();
  if ((size & (size - 1)) != 0 || (size == 0 && !table.strings_.empty()) ||
      table.strings_.size() * 2 > size + 1)
    throw bytes::Corrupt("bad table");
  for (auto slot : table.slots_)
    if (slot > table.strings_.size()) throw bytes::Corrupt("bad table");
  return table;
}

std::string save_corpus(const Corpus& c) {
  std::string out(index_magic, 8);
  put(out, hash_probe());
  put(out, c.documents);
  c.surfaces.save(out);
  put_array(out, c.surface_stem);
  c.stems.save(out);
  put_array(out, c.document_frequency);
  put_array(out, c.pool);
  put_varint(out, c.topics.size());
  for (const auto& t : c.topics) {
    put_string(out, t.id);
    put_string(out, t.name);
    put_varint(out, t.phrases.size());
    for (std::size_t k = 0; k < t.phrases.size(); ++k) {
      put_string(out, t.phrases[k].text);
      put_string(out, t.keys[k]);
      put_span(out, t.phrases[k].stems);
    }
    put_span(out, t.description);
    put_varint(out, t.related.size());
    for (auto r : t.related) put_string(out, r);
  }
  put_varint(out, c.people.size());
  for (const auto& p : c.people) {
    put_string(out, p.id);
    put_string(out, p.name);
    put_string(out, p.forward_to);
    out.push_back(p.left ? 1 : 0);
    out.push_back(p.away_until ? 1 : 0);
    if (p.away_until) put_varint(out, static_cast<std::uint64_t>(p.away_until->days_since_epoch() + date_offset));
    for (Span s : {p.title, p.department, p.notes, p.tags}) put_span(out, s);
    put_varint(out, p.log.size());
    for (const auto& l : p.log) {
      put_varint(out, static_cast<std::uint64_t>(l.date.days_since_epoch() + date_offset));
      put_span(out, l.stems);
    }
    put_varint(out, p.topics.size());
    for (auto t : p.topics) put_varint(out, t);
    put_varint(out, p.free_expertise.size());
    for (const auto& f : p.free_expertise) {
      put_string(out, f.text);
      put_span(out, f.stems);
    }
  }
  put_varint(out, c.answered.size());
  for (const auto& q : c.answered) {
    put_string(out, q.id);
    put_string(out, q.text);
    put_string(out, q.answered_by);
    put(out, q.at);
    put_span(out, q.text_stems);
    put_span(out, q.answer);
  }
  put_varint(out, c.waiting_on.size());
  for (const auto& [question, person] : c.waiting_on) {
    put_string(out, question);
    put_string(out, person);
  }
  return out;
}

/// The corpus save_corpus wrote, pointing into `in`. Every number is checked against the
/// tables it indexes, so that no saved corpus can make routing read out of bounds.
Corpus restore_corpus(std::string_view in) {
  if (in.size() < 8 || std::memcmp(in.data(), index_magic, 8) != 0) throw bytes::Corrupt("not ours");
  in.remove_prefix(8);
  if (take<std::uint64_t>(in) != hash_probe()) throw bytes::Corrupt("another hash");
  Corpus c;
  c.documents = take<double>(in);
  c.surfaces = Interner::restore(in);
  c.surface_stem = take_array<StemId>(in);
  c.stems = Interner::restore(in);
  c.document_frequency = take_array<int>(in);
  c.pool = take_array<StemId>(in);
  const std::size_t stems = c.stems.size();
  if (c.surface_stem.size() != c.surfaces.size() || c.document_frequency.size() != stems)
    throw bytes::Corrupt("tables disagree");
  for (StemId s : c.surface_stem)
    if (s >= stems) throw bytes::Corrupt("bad stem");
  for (StemId s : c.pool)
    if (s >= stems) throw bytes::Corrupt("bad stem");
  auto span = [&] {
    Span s;
    s.begin = static_cast<std::uint32_t>(take_varint(in));
    s.size = static_cast<std::uint32_t>(take_varint(in));
    if (s.begin > c.pool.size() || s.size > c.pool.size() - s.begin) throw bytes::Corrupt("bad span");
    return s;
  };
  auto date = [&] { return Date::from_days(static_cast<std::int64_t>(take_varint(in)) - date_offset); };
  c.topics.resize(take_count(in));
  for (auto& t : c.topics) {
    t.id = take_string(in);
    t.name = take_string(in);
    t.phrases.resize(take_count(in));
    for (auto& p : t.phrases) {
      p.text = take_string(in);
      t.keys.push_back(take_string(in));
      p.stems = span();
    }
    t.description = span();
    for (std::uint64_t n = take_count(in); n > 0; --n) t.related.push_back(take_string(in));
  }
  c.people.resize(take_count(in));
  for (auto& p : c.people) {
    p.id = take_string(in);
    p.name = take_string(in);
    p.forward_to = take_string(in);
    p.left = take<std::uint8_t>(in) != 0;
    if (take<std::uint8_t>(in)) p.away_until = date();
    for (Span* s : {&p.title, &p.department, &p.notes, &p.tags}) *s = span();
    p.log.resize(take_count(in));
    for (auto& l : p.log) {
      l.date = date();
      l.stems = span();
    }
    p.topics.resize(take_count(in));
    for (auto& t : p.topics) {
      t = take_varint(in);
      if (t >= c.topics.size()) throw bytes::Corrupt("bad topic");
    }
    p.free_expertise.resize(take_count(in));
    for (auto& f : p.free_expertise) {
      f.text = take_string(in);
      f.stems = span();
    }
  }
  c.answered.resize(take_count(in));
  for (auto& q : c.answered) {
    q.id = take_string(in);
    q.text = take_string(in);
    q.answered_by = take_string(in);
    q.at = take<Timestamp>(in);
    q.text_stems = span();
    q.answer = span();
  }
  for (std::uint64_t n = take_count(in); n > 0; --n) {
    std::string_view question = take_string(in);
    c.waiting_on.emplace_back(question, take_string(in));
  }
  if (!in.empty()) throw bytes::Corrupt("trailing bytes");
  c.finish();
  return c;
}


}  // namespace peers::routing

namespace peers {

using namespace routing;

RoutingIndex RoutingIndex::build(const Summaries& store) {
  auto data = std::make_shared<Data>();
  data->corpus = build_corpus(store, true);
  data->keep = store.storage;
  RoutingIndex index;
  index.data_ = std::move(data);
  return index;
}

std::string RoutingIndex::save() const { return save_corpus(data_->corpus); }

std::optional<RoutingIndex> RoutingIndex::restore(std::string_view bytes,
                                                  std::shared_ptr<const void> keep) {
  auto data = std::make_shared<Data>();
  try {
    data->corpus = restore_corpus(bytes);
  } catch (const bytes::Corrupt&) {
    return std::nullopt;
  }
  data->keep = std::move(keep);
  RoutingIndex index;
  index.data_ = std::move(data);
  return index;
}

bool RoutingIndex::patch(const std::vector<RecordSummary>& removed,
                         const std::vector<RecordSummary>& added, std::shared_ptr<const void> keep) {
  try {
    data_->corpus_changed();
    if (!patch_corpus(data_->corpus, removed, added)) return false;
  } catch (const bytes::Corrupt&) {
    return false;
  }
  data_->also_keep.push_back(std::move(keep));
  return true;
}

}  // namespace peers
