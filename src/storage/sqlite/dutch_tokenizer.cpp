#include "storage/sqlite/dutch_tokenizer.hpp"

#include <libstemmer.h>

#include <memory>
#include <new>

#include "storage/sqlite/connection.hpp"

namespace kc::storage::sqlite {

namespace {

// The fts5_api of a connection, handed out by the fts5() SQL function as a pointer value.
fts5_api* fts5_api_of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    int code = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr);
    if (code == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        code = sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (!api) throw_error(db, code == SQLITE_ROW ? SQLITE_ERROR : code, "FTS5 is not available");
    return api;
}

// One tokenizer as an FTS5 table holds it: the unicode61 tokenizer it wraps and a stemmer
// of its own, since a Snowball stemmer keeps state between calls. A table is used by one
// connection, and a connection by one thread at a time, so neither needs a lock.
struct DutchTokenizer {
    fts5_tokenizer words{};
    Fts5Tokenizer* words_instance = nullptr;
    sb_stemmer* stemmer = nullptr;

    ~DutchTokenizer() {
        if (words_instance) words.xDelete(words_instance);
        if (stemmer) sb_stemmer_delete(stemmer);
    }
};

// What xTokenize passes through unicode61 to its callback.
struct TokenSink {
    DutchTokenizer* tokenizer;
    void* context;
    int (*token)(void*, int, const char*, int, int, int);
};

int stem_token(void* sink_pointer, int flags, const char* token, int length, int start, int end) {
    auto* sink = static_cast<TokenSink*>(sink_pointer);
    const sb_symbol* stem = sb_stemmer_stem(sink->tokenizer->stemmer,
                                            reinterpret_cast<const sb_symbol*>(token), length);
    // The stemmer fails only when it cannot allocate; the word is then indexed as it is.
    if (!stem) return sink->token(sink->context, flags, token, length, start, end);
    return sink->token(sink->context, flags, reinterpret_cast<const char*>(stem),
                       sb_stemmer_length(sink->tokenizer->stemmer), start, end);
}

int create_tokenizer(void* api_pointer, const char** /*arguments*/, int /*count*/,
                     Fts5Tokenizer** out) {
    auto* api = static_cast<fts5_api*>(api_pointer);
    auto tokenizer = std::unique_ptr<DutchTokenizer>(new (std::nothrow) DutchTokenizer);
    if (!tokenizer) return SQLITE_NOMEM;
    void* words_context = nullptr;
    int code = api->xFindTokenizer(api, "unicode61", &words_context, &tokenizer->words);
    if (code != SQLITE_OK) return code;
    const char* options[] = {"remove_diacritics", "2"};
    code = tokenizer->words.xCreate(words_context, options, 2, &tokenizer->words_instance);
    if (code != SQLITE_OK) return code;
    tokenizer->stemmer = sb_stemmer_new("dutch", "UTF_8");
    if (!tokenizer->stemmer) return SQLITE_NOMEM;
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer.release());
    return SQLITE_OK;
}

void delete_tokenizer(Fts5Tokenizer* instance) {
    delete reinterpret_cast<DutchTokenizer*>(instance);
}

int tokenize(Fts5Tokenizer* instance, void* context, int flags, const char* text, int length,
             int (*token)(void*, int, const char*, int, int, int)) {
    auto* tokenizer = reinterpret_cast<DutchTokenizer*>(instance);
    TokenSink sink{tokenizer, context, token};
    return tokenizer->words.xTokenize(tokenizer->words_instance, &sink, flags, text, length,
                                      stem_token);
}

}  // namespace

void register_dutch_tokenizer(sqlite3* db) {
    fts5_api* api = fts5_api_of(db);
    fts5_tokenizer dutch{create_tokenizer, delete_tokenizer, tokenize};
    const int code = api->xCreateTokenizer(api, dutch_tokenizer_name, api, &dutch, nullptr);
    if (code != SQLITE_OK) throw_error(db, code, "cannot register the Dutch tokenizer");
}

}  // namespace kc::storage::sqlite
