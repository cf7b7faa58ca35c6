/* nb-store-search.c: full-text search, and what needs it: helpers for
 * someone's needs, the trust indicator's network steps, the briefing.
 *
 * The search table (see nb-store-schema.c) holds folded text, so the
 * query is folded the same way, split at white space, and each term
 * quoted as an FTS5 string: nothing the user types is FTS5 syntax.
 * Trigrams need three characters: shorter terms are left out, and a
 * query made only of short terms matches the starts of words of names.
 *
 * Helpers for a need are found among the cards alone, in the cards
 * index that nb-store-cache.c keeps in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-store-private.h"

#define SNIPPET_BEFORE 30
#define SNIPPET_AFTER 70
/* A snippet is looked for in the first 64 KiB of a note only. */
#define SNIPPET_SCAN_MAX (64 * 1024)

/* Excerpts are made for the best hits only: a query typed into the
 * search field may match thousands of notes. */
#define SNIPPETS_MAX 200

#define HELPERS_PER_NEED 3
#define NETWORK_STEPS_MAX 2

/* Words that say nothing about what someone needs. */
static const char * const stop_words[] = {
  "about", "after", "also", "before", "best", "better", "business", "clients",
  "could", "customers", "does", "find", "finding", "from", "getting", "good",
  "great", "have", "help", "into", "just", "like", "looking", "more", "month",
  "months", "need", "needs", "next", "other", "over", "people", "really",
  "should", "some", "someone", "somebody", "that", "their", "them", "they",
  "this", "want", "wants", "what", "when", "which", "while", "with", "would",
  "year", "years", "your",
  NULL
};

void
nb_search_hit_free (NbSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_clear_object (&hit->person);
  g_clear_pointer (&hit->snippet, g_free);
  g_free (hit);
}

/* '"' + term with '"' doubled + '"': an FTS5 string, never syntax. */
static void
append_fts_string (GString    *query,
                   const char *term)
{
  g_string_append_c (query, '"');
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* Terms at white space, without the punctuation around them ("Maria,"
 * or "(rossi)" as typed); a term of punctuation only is kept as it is. */
static GStrv
split_query (const char *folded)
{
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n\r\f\v", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *start = parts[i];
      const char *end = parts[i] + strlen (parts[i]);

      while (*start != '\0' && !is_word_char (start))
        start = g_utf8_next_char (start);
      while (end > start && !is_word_char (g_utf8_prev_char (end)))
        end = g_utf8_prev_char (end);

      if (start < end)
        {
          g_autofree char *term = g_strndup (start, (gsize) (end - start));

          g_strv_builder_add (builder, term);
        }
      else if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/* Folds @c alone, as _nb_fold() would inside a string. */
static gsize
folded_length_of_char (gunichar c)
{
  char buf[8];
  g_autofree char *folded = NULL;

  buf[g_unichar_to_utf8 (c, buf)] = '\0';
  folded = _nb_fold (buf);
  return strlen (folded);
}

/* A plain-text excerpt of @text around the first of @terms, or NULL. */
static char *
make_snippet (const char          *text,
              const char * const  *terms)
{
  g_autofree char *head = NULL;
  g_autofree char *folded = NULL;
  const char *found = NULL;
  const char *start;
  const char *end;
  const char *p;
  gsize offset = 0;
  GString *snippet;

  if (text == NULL || *text == '\0')
    return NULL;

  /* Cut at a character boundary: notes may be megabytes long. */
  if (strlen (text) > SNIPPET_SCAN_MAX)
    {
      const char *cut = g_utf8_find_prev_char (text, text + SNIPPET_SCAN_MAX);

      head = g_strndup (text, (gsize) (cut - text));
      text = head;
    }

  folded = _nb_fold (text);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *hit = strstr (folded, terms[i]);

      if (hit != NULL && (found == NULL || hit < found))
        found = hit;
    }

  if (found == NULL)
    return NULL;

  /* Walk the original text until its folded length reaches the match.
   * ASCII folds to one byte; only other characters need folding. */
  for (p = text; *p != '\0' && offset < (gsize) (found - folded); p = g_utf8_next_char (p))
    offset += (guchar) *p < 0x80 ? 1 : folded_length_of_char (g_utf8_get_char (p));

  start = p;
  for (guint i = 0; i < SNIPPET_BEFORE && start > text; i++)
    start = g_utf8_prev_char (start);
  end = p;
  for (guint i = 0; i < SNIPPET_AFTER && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  snippet = g_string_new (start > text ? "…" : "");
  for (p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (snippet->len > 0 && snippet->str[snippet->len - 1] != ' ')
            g_string_append_c (snippet, ' ');
        }
      else
        {
          g_string_append_unichar (snippet, c);
        }
    }
  if (*end != '\0')
    g_string_append (snippet, "…");

  return g_string_free (snippet, FALSE);
}

static char *
person_snippet (NbPerson           *person,
                const char * const *terms)
{
  static const NbPersonField fields[] = {
    NB_PERSON_COMPANY, NB_PERSON_ROLE, NB_PERSON_INDUSTRY, NB_PERSON_OFFERS,
    NB_PERSON_TARGET_MARKET, NB_PERSON_INTERESTS,
  };
  g_autofree char *tags = NULL;

  /* A match on the name needs no excerpt: the name is shown anyway. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char *snippet = make_snippet (nb_person_get_field (person, fields[i]), terms);

      if (snippet != NULL)
        return snippet;
    }

  tags = g_strjoinv (", ", (char **) nb_person_get_tags (person));
  return make_snippet (tags, terms);
}

static char *
entry_snippet (NbStore            *self,
               gint64              entry_id,
               const char * const *terms)
{
  g_autoptr(NbEntry) entry = nb_store_get_entry (self, entry_id, NULL);

  if (entry == NULL)
    return NULL;

  return make_snippet (nb_entry_get_text (entry), terms);
}

/* The people of @ids, in that order: the people model's own objects
 * when it is loaded (the window's case: no reading at all), else the
 * cards with tags and the list's summaries. */
static GPtrArray *
load_people (NbStore  *self,
             GArray   *ids,
             GError  **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_full (ids->len, g_object_unref);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new ();

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      NbPerson *person = _nb_store_get_model_person (self, id);

      if (person != NULL)
        {
          g_ptr_array_add (people, g_object_ref (person));
          continue;
        }

      person = _nb_store_load_person_row (self, id, FALSE, error);
      if (person == NULL)
        return NULL;
      g_ptr_array_add (people, person);
      g_ptr_array_add (loaded, person);
    }

  if (loaded->len > 0 && !_nb_store_fill_people (self, loaded, error))
    return NULL;

  return g_steal_pointer (&people);
}

static GPtrArray *
search_short (NbStore     *self,
              const char  *folded,
              guint        limit,
              GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_search_hit_free);

  ids = _nb_store_find_ids_by_name (self, folded, error);
  if (ids == NULL)
    return NULL;

  if (limit > 0 && ids->len > limit)
    g_array_set_size (ids, limit);

  matches = load_people (self, ids, error);
  if (matches == NULL)
    return NULL;

  for (guint i = 0; i < matches->len; i++)
    {
      NbSearchHit *hit = g_new0 (NbSearchHit, 1);

      hit->person = g_object_ref (g_ptr_array_index (matches, i));
      g_ptr_array_add (hits, hit);
    }

  return g_steal_pointer (&hits);
}

typedef struct {
  gint64 person_id;
  gint64 rowid;
  double rank;
} RawHit;

static int
compare_newest (gconstpointer a,
                gconstpointer b)
{
  const RawHit *x = a;
  const RawHit *y = b;

  return x->rowid < y->rowid ? 1 : x->rowid > y->rowid ? -1 : 0;
}

/* What one search knows of each person: nothing yet (0), deleted, found
 * by their card, or found by notes (1 + the index of their newest one
 * in the notes array). Search as you type looks a person up for every
 * matching note, up to 200,000 a keystroke: an array indexed by person
 * id while ids are dense (they are SQLite's rowids), a hash table past
 * PERSON_SLOTS_DENSE_MAX. */
#define SLOT_DELETED G_MAXUINT32
#define SLOT_CARD    (G_MAXUINT32 - 1)
#define PERSON_SLOTS_DENSE_MAX (1 << 20)

typedef struct {
  guint32    *dense;   /* [0, n_dense) */
  gsize       n_dense;
  GHashTable *sparse;  /* gint64 * -> slot, for ids past n_dense */
} PersonSlots;

static void
person_slots_clear (PersonSlots *slots)
{
  g_clear_pointer (&slots->dense, g_free);
  g_clear_pointer (&slots->sparse, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PersonSlots, person_slots_clear)

static guint32
person_slot (PersonSlots *slots,
             gint64       id)
{
  if (id >= 0 && (guint64) id < slots->n_dense)
    return slots->dense[id];

  return GPOINTER_TO_UINT (g_hash_table_lookup (slots->sparse, &id));
}

static void
person_slot_set (PersonSlots *slots,
                 gint64       id,
                 guint32      value)
{
  if (id >= 0 && (guint64) id < slots->n_dense)
    slots->dense[id] = value;
  else
    g_hash_table_insert (slots->sparse, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (value));
}

/* Slots for everyone, the deleted marked: their cards leave the search
 * table, but their entries stay there until purged (few, from a
 * partial index). */
static gboolean
person_slots_init (NbStore      *self,
                   PersonSlots  *slots,
                   GError      **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  gint64 max_id;
  int rc;

  slots->sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  stmt = _nb_store_prepare (self, NB_STMT_PEOPLE_MAX_ID,
                            "SELECT coalesce (max (id), 0) FROM people", error);
  if (stmt == NULL || _nb_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  max_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, _nb_stmt_release);

  slots->n_dense = (gsize) CLAMP (max_id + 1, 1, PERSON_SLOTS_DENSE_MAX);
  slots->dense = g_new0 (guint32, slots->n_dense);

  stmt = _nb_store_prepare (self, NB_STMT_DELETED_PEOPLE,
                            "SELECT id FROM people WHERE deleted <> 0", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    person_slot_set (slots, sqlite3_column_int64 (stmt, 0), SLOT_DELETED);

  return rc != -1;
}

/* Cards first, ranked by the fields they match in (nb_rank(): a name
 * beats work and tags, which beat offers, market and interests), then
 * the people only notes mention, newest note first.
 *
 * Ranking every matching row with bm25 cost as much as a quarter of a
 * second per keystroke: three letters typed ("mar", "the") match most
 * of the 200,000 notes, and bm25 reads each one's row and sizes. Cards
 * are ranked (at most one row per person, and rowids 2 × id, so the
 * rowid bound stops FTS5 early); notes are not: their rowids alone come out
 * of the index, and each is mapped to its person in
 * memory (nb-store-cache.c), never reading the note. Every person
 * found is still returned. */
static gboolean
search_fts (NbStore     *self,
            const char  *fts_query,
            guint        limit,
            GArray      *raw,
            GError     **error)
{
  g_auto(PersonSlots) slots = { NULL, 0, NULL };
  int rc;

  /* Inside a write transaction, what it changed so far is found too. */
  if (!_nb_store_sync_search (self, error))
    return FALSE;

  if (!person_slots_init (self, &slots, error))
    return FALSE;

  {
    g_autoptr(NbStmt) stmt = _nb_store_prepare (self, NB_STMT_SEARCH, NB_STORE_SQL_SEARCH_CARDS, error);

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
    while ((limit == 0 || raw->len < limit) &&
           (rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
      {
        RawHit hit = {
          sqlite3_column_int64 (stmt, 0) / 2,
          sqlite3_column_int64 (stmt, 0),
          sqlite3_column_double (stmt, 1),
        };

        /* One card per person; a deleted person has none left, but
         * checking costs nothing. */
        if (person_slot (&slots, hit.person_id) != 0)
          continue;
        person_slot_set (&slots, hit.person_id, SLOT_CARD);
        g_array_append_val (raw, hit);
      }

    if (rc == -1)
      return FALSE;
  }

  if (limit > 0 && raw->len >= limit)
    return TRUE;

  if (!_nb_store_prepare_entry_people (self, error))
    return FALSE;

  {
    g_autoptr(NbStmt) stmt = _nb_store_prepare (self, NB_STMT_SEARCH_NOTES, NB_STORE_SQL_SEARCH_NOTES, error);
    g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (RawHit));
    gsize n_map;
    const guint32 *map = _nb_store_entry_people_map (self, &n_map);

    if (stmt == NULL)
      return FALSE;

    /* Oldest first, as FTS5 reads its doclists (newest first costs
     * twice as much): each person's last matching note wins. */
    sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
    while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
      {
        RawHit hit = { 0, sqlite3_column_int64 (stmt, 0), 0 };
        gint64 entry_id = hit.rowid / 2;
        guint32 slot;

        if (entry_id > 0 && (guint64) entry_id < n_map)
          hit.person_id = map[entry_id];
        else
          hit.person_id = _nb_store_entry_person (self, entry_id, error);
        if (hit.person_id == -1)
          return FALSE;
        if (hit.person_id == 0)
          continue;

        slot = person_slot (&slots, hit.person_id);
        if (slot == SLOT_CARD || slot == SLOT_DELETED)
          continue;

        if (slot != 0)
          {
            g_array_index (notes, RawHit, slot - 1).rowid = hit.rowid;
            continue;
          }

        g_array_append_val (notes, hit);
        person_slot_set (&slots, hit.person_id, notes->len);
      }

    if (rc == -1)
      return FALSE;

    /* After every card: a card's rank is negative, these count up
     * from 1. */
    g_array_sort (notes, compare_newest);
    for (guint i = 0; i < notes->len && (limit == 0 || raw->len < limit); i++)
      {
        RawHit *hit = &g_array_index (notes, RawHit, i);

        hit->rank = i + 1;
        g_array_append_val (raw, *hit);
      }
  }

  return TRUE;
}

/* What SQLite is asked for @query. */
typedef struct {
  char  *folded;
  GStrv  all_terms;  /* every term, at white space */
  GStrv  terms;      /* those of three characters or more */
  char  *fts_query;  /* those as FTS5 strings */
} Query;

static void
query_clear (Query *q)
{
  g_clear_pointer (&q->folded, g_free);
  g_clear_pointer (&q->all_terms, g_strfreev);
  g_clear_pointer (&q->terms, g_strfreev);
  g_clear_pointer (&q->fts_query, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static gboolean
query_init (Query       *q,
            const char  *query,
            GError     **error)
{
  g_autoptr(GString) fts_query = g_string_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!_nb_store_check_utf8 (query, _("The search"), error))
    return FALSE;

  q->folded = _nb_fold_name (query);
  q->all_terms = split_query (q->folded);

  for (guint i = 0; q->all_terms[i] != NULL; i++)
    {
      if (g_utf8_strlen (q->all_terms[i], -1) < 3)
        continue;
      if (fts_query->len > 0)
        g_string_append_c (fts_query, ' ');
      append_fts_string (fts_query, q->all_terms[i]);
      g_strv_builder_add (builder, q->all_terms[i]);
    }
  q->terms = g_strv_builder_end (builder);
  q->fts_query = g_string_free (g_steal_pointer (&fts_query), FALSE);
  return TRUE;
}

/* @q for @query, and the read transaction it is searched in. */
static gboolean
search_begin (NbStore     *self,
              const char  *query,
              Query       *q,
              GError     **error)
{
  return query_init (q, query, error) && _nb_store_begin (self, FALSE, error);
}

GArray *
nb_store_search_ids (NbStore     *self,
                     const char  *query,
                     GError     **error)
{
  g_auto(Query) q = { NULL, NULL, NULL, NULL };
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!search_begin (self, query, &q, error))
    return NULL;

  if (q.all_terms[0] == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  else if (q.terms[0] == NULL)
    {
      ids = _nb_store_find_ids_by_name (self, q.folded, error);
      if (ids == NULL)
        goto failed;
    }
  else
    {
      g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (RawHit));

      if (!search_fts (self, q.fts_query, 0, raw, error))
        goto failed;

      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), raw->len);
      for (guint i = 0; i < raw->len; i++)
        g_array_append_val (ids, g_array_index (raw, RawHit, i).person_id);
    }

  if (!_nb_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&ids);

failed:
  _nb_store_rollback (self);
  return NULL;
}

GPtrArray *
nb_store_search (NbStore     *self,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) raw = NULL;
  g_auto(Query) q = { NULL, NULL, NULL, NULL };

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!search_begin (self, query, &q, error))
    return NULL;

  if (q.all_terms[0] == NULL)
    {
      hits = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_search_hit_free);
      goto done;
    }

  if (q.terms[0] == NULL)
    {
      hits = search_short (self, q.folded, limit, error);
      if (hits == NULL)
        goto failed;
      goto done;
    }

  raw = g_array_new (FALSE, FALSE, sizeof (RawHit));
  if (!search_fts (self, q.fts_query, limit, raw, error))
    goto failed;

  /* Cards, tags and the list's summaries (stage and trust too when
   * they come from the people model). */
  {
    g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), raw->len);

    for (guint i = 0; i < raw->len; i++)
      g_array_append_val (ids, g_array_index (raw, RawHit, i).person_id);

    people = load_people (self, ids, error);
    if (people == NULL)
      goto failed;
  }

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_search_hit_free);
  for (guint i = 0; i < raw->len; i++)
    {
      RawHit *r = &g_array_index (raw, RawHit, i);
      NbSearchHit *hit = g_new0 (NbSearchHit, 1);

      g_ptr_array_add (hits, hit);
      hit->rank = r->rank;
      hit->person = g_object_ref (g_ptr_array_index (people, i));

      if (i >= SNIPPETS_MAX)
        continue;
      if (r->rowid % 2 == 1)
        hit->snippet = entry_snippet (self, r->rowid / 2, (const char * const *) q.terms);
      else
        hit->snippet = person_snippet (hit->person, (const char * const *) q.terms);
    }

done:
  if (!_nb_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&hits);

failed:
  _nb_store_rollback (self);
  return NULL;
}

/* Significant words of a need, cut to a stem so that "bookkeeper" also
 * finds "bookkeeping" (the trigram index matches any substring). */
static GStrv
need_stems (const char *text)
{
  g_autofree char *folded = _nb_fold (text);
  g_auto(GStrv) words = _nb_split_words (folded);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong len = g_utf8_strlen (words[i], -1);
      char *stem;

      if (len < 4 || g_strv_contains (stop_words, words[i]))
        continue;

      if (len > 6)
        stem = g_utf8_substring (words[i], 0, MAX (5, len - 3));
      else
        stem = g_strdup (words[i]);

      if (!g_hash_table_add (seen, stem))
        continue;
      g_strv_builder_add (builder, stem);
    }

  return g_strv_builder_end (builder);
}

static gboolean
field_matches (NbPerson           *person,
               NbPersonField       field,
               const char * const *stems)
{
  g_autofree char *folded = _nb_fold (nb_person_get_field (person, field));

  for (guint i = 0; stems[i] != NULL; i++)
    if (strstr (folded, stems[i]) != NULL)
      return TRUE;

  return FALSE;
}

static char *
first_line (NbPerson      *person,
            NbPersonField  field)
{
  char *line = g_strstrip (g_strdup (nb_person_get_field (person, field)));
  char *newline = strchr (line, '\n');

  if (newline != NULL)
    *newline = '\0';

  return g_strstrip (line);
}

/* Why @helper came up for @stems: "offers bookkeeping". */
static char *
helper_reason (NbPerson           *helper,
               const char * const *stems)
{
  g_autofree char *tags = NULL;

  if (field_matches (helper, NB_PERSON_OFFERS, stems))
    {
      g_autofree char *line = first_line (helper, NB_PERSON_OFFERS);

      /* Translators: why someone could help: "offers bookkeeping" */
      return g_strdup_printf (_("offers %s"), line);
    }

  if (field_matches (helper, NB_PERSON_ROLE, stems))
    {
      g_autofree char *line = first_line (helper, NB_PERSON_ROLE);

      /* Translators: why someone could help: "works as bookkeeper" (their role) */
      return g_strdup_printf (_("works as %s"), line);
    }

  if (field_matches (helper, NB_PERSON_INDUSTRY, stems))
    {
      g_autofree char *line = first_line (helper, NB_PERSON_INDUSTRY);

      /* Translators: why someone could help: "works in printing" */
      return g_strdup_printf (_("works in %s"), line);
    }

  if (field_matches (helper, NB_PERSON_COMPANY, stems))
    {
      g_autofree char *line = first_line (helper, NB_PERSON_COMPANY);

      /* Translators: why someone could help: "works at Acme Print" */
      return g_strdup_printf (_("works at %s"), line);
    }

  tags = g_strjoinv (", ", (char **) nb_person_get_tags (helper));
  /* Translators: why someone could help: "is tagged printing, design" */
  return g_strdup_printf (_("is tagged %s"), tags);
}

/* Helpers are found in the cards index (nb-store-cache.c), in memory:
 * cards only, since a note that mentions printers does not make its
 * person a printer. */
static GPtrArray *
find_helpers (NbStore      *self,
              NbCardIndex  *index,
              gint64        person_id,
              const char   *need_text,
              guint         limit,
              GPtrArray   **reasons,
              GError      **error)
{
  g_autoptr(GPtrArray) helpers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) why = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) stems = need_stems (need_text);

  *reasons = NULL;

  if (stems[0] == NULL || limit == 0)
    goto done;

  ids = _nb_card_index_find (index, (const char * const *) stems, person_id, limit);
  for (guint i = 0; i < ids->len; i++)
    {
      NbPerson *helper = _nb_store_load_person (self, g_array_index (ids, gint64, i), FALSE, error);

      if (helper == NULL)
        return NULL;

      g_ptr_array_add (why, helper_reason (helper, (const char * const *) stems));
      g_ptr_array_add (helpers, helper);
    }

done:
  *reasons = g_steal_pointer (&why);
  return g_steal_pointer (&helpers);
}

typedef struct {
  GPtrArray *helpers;
  GPtrArray *reasons;
} Found;

static void
found_free (Found *found)
{
  g_ptr_array_unref (found->helpers);
  g_ptr_array_unref (found->reasons);
  g_free (found);
}

/* Helpers for each of @items (open needs and challenges), in their
 * order: the same need written again (a busy person repeats theirs) is
 * looked up once. Returns a need text → Found table, or NULL on error. */
static GHashTable *
find_helpers_for (NbStore    *self,
                  gint64      person_id,
                  GPtrArray  *items,
                  GError    **error)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) found_free);
  NbCardIndex *index = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      NbEntry *item = g_ptr_array_index (items, i);
      const char *text = nb_entry_get_text (item);
      Found *f;

      if (g_hash_table_contains (found, text))
        continue;

      if (index == NULL && (index = _nb_store_get_card_index (self, error)) == NULL)
        return NULL;

      f = g_new0 (Found, 1);
      f->helpers = find_helpers (self, index, person_id, text, HELPERS_PER_NEED, &f->reasons, error);
      if (f->helpers == NULL)
        {
          g_free (f);
          return NULL;
        }
      g_hash_table_insert (found, (gpointer) text, f);
    }

  return g_steal_pointer (&found);
}

static GPtrArray *
open_items (GPtrArray *entries)
{
  GPtrArray *items = g_ptr_array_new ();

  /* Newest first, as the timeline is. */
  for (guint i = 0; i < entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (entries, i);
      NbEntryKind kind = nb_entry_get_kind (entry);

      if ((kind == NB_ENTRY_NEED || kind == NB_ENTRY_CHALLENGE) &&
          nb_entry_get_status (entry) == NB_STATUS_OPEN &&
          *nb_entry_get_text (entry) != '\0')
        g_ptr_array_add (items, entry);
    }

  return items;
}

/* The person (card and tags) and their timeline, read together. The
 * summary is left to the caller, which computes trust over the same
 * timeline anyway (reading it again would double the cost of a person
 * with thousands of entries). */
static gboolean
load_person_and_timeline (NbStore    *self,
                          gint64      person_id,
                          NbPerson  **person,
                          GPtrArray **entries,
                          GError    **error)
{
  if (!_nb_store_begin (self, FALSE, error))
    return FALSE;

  *person = _nb_store_load_person (self, person_id, FALSE, error);
  if (*person != NULL)
    *entries = _nb_store_load_timeline (self, person_id, error);

  if (*person == NULL || *entries == NULL)
    {
      g_clear_object (person);
      _nb_store_rollback (self);
      return FALSE;
    }

  if (!_nb_store_commit (self, error))
    {
      g_clear_object (person);
      g_clear_pointer (entries, g_ptr_array_unref);
      return FALSE;
    }

  return TRUE;
}

NbTrust *
nb_store_compute_trust (NbStore     *self,
                        gint64       person_id,
                        const char  *today_iso,
                        GError     **error)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) suggested = NULL;
  g_autoptr(NbTrust) trust = NULL;
  g_autofree char *today = NULL;
  NbCardIndex *index = NULL;
  guint n_steps = 0;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today_iso == NULL)
    today_iso = today = nb_date_today_iso ();
  if (!nb_date_parse_iso (today_iso, NULL, error))
    return NULL;

  if (!load_person_and_timeline (self, person_id, &person, &entries, error))
    return NULL;

  trust = nb_trust_compute (person, entries, today_iso);

  /* Help first (seed 001): an introduction to someone who can answer
   * one of their open needs, right after the most urgent step. */
  items = open_items (entries);
  suggested = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < items->len && n_steps < NETWORK_STEPS_MAX; i++)
    {
      NbEntry *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) helpers = NULL;
      g_autoptr(GPtrArray) reasons = NULL;

      if (index == NULL && (index = _nb_store_get_card_index (self, error)) == NULL)
        return NULL;

      helpers = find_helpers (self, index, person_id, nb_entry_get_text (item),
                              HELPERS_PER_NEED, &reasons, error);
      if (helpers == NULL)
        return NULL;

      for (guint j = 0; j < helpers->len; j++)
        {
          NbPerson *helper = g_ptr_array_index (helpers, j);
          gint64 helper_id = nb_person_get_id (helper);
          const char * const *steps = nb_trust_get_next_steps (trust);
          g_autofree char *step = NULL;
          int position = MIN ((int) n_steps + 1, (int) g_strv_length ((char **) steps));

          if (!g_hash_table_add (suggested, g_memdup2 (&helper_id, sizeof helper_id)))
            continue;

          /* Translators: a next step: "Introduce them to Priya Raghunathan,
           * who offers bookkeeping" */
          step = g_strdup_printf (_("Introduce them to %s, who %s"),
                                  nb_person_get_display_name (helper),
                                  (const char *) g_ptr_array_index (reasons, j));
          nb_trust_insert_next_step (trust, position, step);
          n_steps++;
          break;
        }
    }

  return g_steal_pointer (&trust);
}

NbBriefing *
nb_store_build_briefing (NbStore     *self,
                         gint64       person_id,
                         const char  *today_iso,
                         GError     **error)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(NbPerson) introducer = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) helpers = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today_iso == NULL)
    today_iso = today = nb_date_today_iso ();
  if (!nb_date_parse_iso (today_iso, NULL, error))
    return NULL;

  if (!load_person_and_timeline (self, person_id, &person, &entries, error))
    return NULL;

  /* The card shows the list's numbers too. */
  {
    g_autoptr(NbTrust) trust = nb_trust_compute (person, entries, today_iso);

    _nb_store_summarize (person, entries, trust, today_iso);
  }

  /* An introducer deleted since is simply not shown. */
  if (nb_person_get_introduced_by (person) != 0)
    introducer = _nb_store_load_person (self, nb_person_get_introduced_by (person), FALSE, NULL);

  helpers = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_briefing_helper_free);
  items = open_items (entries);
  found = find_helpers_for (self, person_id, items, error);
  if (found == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      NbEntry *item = g_ptr_array_index (items, i);
      Found *f = g_hash_table_lookup (found, nb_entry_get_text (item));

      for (guint j = 0; j < f->helpers->len; j++)
        {
          NbBriefingHelper *helper = g_new0 (NbBriefingHelper, 1);

          helper->helper = g_object_ref (g_ptr_array_index (f->helpers, j));
          helper->entry = g_object_ref (item);
          helper->reason = g_strdup (g_ptr_array_index (f->reasons, j));
          g_ptr_array_add (helpers, helper);
        }
    }

  return nb_briefing_new (person, entries, introducer, helpers, today_iso);
}
