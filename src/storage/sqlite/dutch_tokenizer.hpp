#pragma once

#include <sqlite3.h>

namespace kc::storage::sqlite {

// The name FTS5 tables use for Dutch text: `tokenize='dutch'`.
inline constexpr const char* dutch_tokenizer_name = "dutch";

// Registers the "dutch" FTS5 tokenizer on a connection: FTS5's own unicode61 splits the
// text into words, lower-cases them and removes diacritics (remove_diacritics 2), and
// Snowball's Dutch stemmer reduces every word to its stem, so that "schulden" and "schuld",
// "huisuitzettingen" and "huisuitzetting" are the same term in the index and in a query.
// Every connection needs it before it touches a table that uses it. Throws DatabaseError.
void register_dutch_tokenizer(sqlite3* db);

}  // namespace kc::storage::sqlite
