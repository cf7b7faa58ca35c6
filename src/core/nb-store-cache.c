/* nb-store-cache.c: what the store keeps in memory between calls, so
 * that a person's page, a briefing or a keystroke in the search field
 * does not read the same rows again and again.
 *
 * - The cards index: every card's folded work, offers and tags, split
 *   into words, with the words in one buffer. Helpers for a need are
 *   found in it (nb-store-search.c): matching a stem against a few
 *   thousand distinct words costs microseconds, where one FTS5 query per
 *   need on the search table, which holds every note too, cost 5 to
 *   60 ms at 200,000 entries (its trigram doclists are mostly notes).
 * - Which person each entry belongs to, by entry id: search maps each
 *   matching note to its person with it instead of reading the note's
 *   row (a short common term matches 100,000 notes).
 * - The last timeline read: a person's page reads it for the summary,
 *   the trust meter and the timeline itself.
 * - The goodwill balance: counting it reads 48,000 index rows at
 *   200,000 entries, and the agenda asks for it each time it is shown.
 *
 * Each is right as long as nothing changed it: other connections'
 * commits change PRAGMA data_version; this connection's changes are
 * counted by sqlite3_total_changes64() (any row) or, for the cards, by
 * the store's own "person-changed" signal, so that notes written do
 * not throw the index away. Inside a write transaction nothing is
 * reused or kept: what it changed is not committed (or signalled) yet,
 * and may be rolled back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-store-private.h"

/* bm25's constants, as FTS5's bm25() has them. */
#define BM25_K1 1.2
#define BM25_B 0.75

/* The weights of the card's columns: what someone does and how they are
 * tagged says more than the wording of what they offer (as the search
 * table's ranking has them). */
static const double card_weights[NB_CARD_N_COLUMNS] = { 5.0, 3.0, 5.0 };

/* Past this, an entry id map would be mostly holes: entries are then
 * looked up one by one. */
#define ENTRY_MAP_SPARSE_FACTOR 4

typedef struct {
  gint64   data_version;
  gint64   changes;
} Stamp;

typedef struct {
  gint64     id;
  gboolean   archived;
  guint      length;          /* bytes of the three columns */
} Card;

typedef struct {
  guint32    card;            /* index in cards */
  guint16    column;
  guint16    count;           /* times the word is in that column */
} Posting;

struct _NbCardIndex
{
  GArray    *cards;           /* Card */
  /* Every distinct word, each followed by '\n': stems (letters and
   * digits only) can only match inside one word. */
  GString   *words;
  GArray    *word_starts;     /* guint32 offset in @words, ascending */
  GPtrArray *postings;        /* GArray of Posting, one per word */
  double     average_length;
};

typedef struct {
  NbStore     *store;         /* not a reference: the cache is its qdata */

  NbCardIndex *cards;
  Stamp        cards_stamp;
  guint64      person_changes;

  guint32     *entry_people;  /* entry id → person id, 0 = none */
  gsize        n_entry_people;
  Stamp        entry_people_stamp;

  gint64       timeline_person;
  GPtrArray   *timeline;      /* NbEntry* */
  Stamp        timeline_stamp;

  guint        goodwill_given;
  guint        goodwill_received;
  Stamp        goodwill_stamp;
  /* Where the database stood when a count began, which it is kept
   * under: a commit meanwhile only makes the next call count again. */
  Stamp        goodwill_counting;
} Cache;

static GQuark cache_quark;

static void
card_index_free (NbCardIndex *index)
{
  if (index == NULL)
    return;

  g_array_unref (index->cards);
  g_string_free (index->words, TRUE);
  g_array_unref (index->word_starts);
  g_ptr_array_unref (index->postings);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbCardIndex, card_index_free)

static void
cache_free (Cache *cache)
{
  card_index_free (cache->cards);
  g_free (cache->entry_people);
  g_clear_pointer (&cache->timeline, g_ptr_array_unref);
  g_free (cache);
}

static void
on_person_changed_cb (NbStore  *store,
                      gint64    person_id,
                      NbChange  change,
                      Cache    *cache)
{
  cache->person_changes++;
}

static Cache *
get_cache (NbStore *self)
{
  Cache *cache;

  if (cache_quark == 0)
    cache_quark = g_quark_from_static_string ("nb-store-cache");

  cache = g_object_get_qdata (G_OBJECT (self), cache_quark);
  if (cache != NULL)
    return cache;

  /* Freed with the store; its handler goes when the store is disposed,
   * before the qdata, so it is never disconnected by hand. */
  cache = g_new0 (Cache, 1);
  cache->store = self;
  cache->entry_people_stamp.data_version = -1;
  cache->cards_stamp.data_version = -1;
  cache->timeline_stamp.data_version = -1;
  cache->goodwill_stamp.data_version = -1;
  cache->goodwill_counting.data_version = -1;
  g_object_set_qdata_full (G_OBJECT (self), cache_quark, cache, (GDestroyNotify) cache_free);
  g_signal_connect (self, "person-changed", G_CALLBACK (on_person_changed_cb), cache);

  return cache;
}

/* Where the database stands for the caches, or FALSE when nothing may be
 * cached now (a write transaction, or the version could not be read). */
static gboolean
get_stamp (NbStore *self,
           gint64   changes,
           Stamp   *stamp)
{
  if (self->depth > 0 && self->writing)
    return FALSE;

  stamp->data_version = _nb_store_data_version (self);
  stamp->changes = changes;
  return stamp->data_version >= 0;
}

static gboolean
stamp_equal (const Stamp *a,
             const Stamp *b)
{
  return a->data_version == b->data_version && a->changes == b->changes;
}

/* ---- the cards index ----------------------------------------------------- */

static inline gboolean
is_word_byte_start (const char *p)
{
  guchar c = (guchar) *p;

  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* Adds the words of @text (folded) to @index for card @card_index. */
static void
index_column (NbCardIndex *index,
              GHashTable  *word_ids,
              guint32      card_index,
              guint16      column,
              const char  *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;
      gpointer value;
      guint word_id;
      GArray *postings;
      Posting *last;

      while (*p != '\0' && !is_word_byte_start (p))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && is_word_byte_start (p))
        p = g_utf8_next_char (p);

      word = g_strndup (start, (gsize) (p - start));
      if (g_hash_table_lookup_extended (word_ids, word, NULL, &value))
        {
          word_id = GPOINTER_TO_UINT (value);
        }
      else
        {
          guint32 offset = (guint32) index->words->len;

          word_id = index->postings->len;
          g_array_append_val (index->word_starts, offset);
          g_string_append_len (index->words, start, p - start);
          g_string_append_c (index->words, '\n');
          g_ptr_array_add (index->postings, g_array_new (FALSE, FALSE, sizeof (Posting)));
          g_hash_table_insert (word_ids, g_steal_pointer (&word), GUINT_TO_POINTER (word_id));
        }

      /* Cards are indexed in order, so a repeated word of this column
       * is the word's last posting. */
      postings = g_ptr_array_index (index->postings, word_id);
      last = postings->len > 0 ? &g_array_index (postings, Posting, postings->len - 1) : NULL;
      if (last != NULL && last->card == card_index && last->column == column)
        {
          if (last->count < G_MAXUINT16)
            last->count++;
        }
      else
        {
          Posting posting = { card_index, column, 1 };

          g_array_append_val (postings, posting);
        }
    }
}

static NbCardIndex *
build_card_index (NbStore  *self,
                  GError  **error)
{
  g_autoptr(NbCardIndex) index = g_new0 (NbCardIndex, 1);
  g_autoptr(GHashTable) word_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(NbStmt) stmt = NULL;
  guint64 total_length = 0;
  int rc;

  index->cards = g_array_new (FALSE, FALSE, sizeof (Card));
  index->words = g_string_new (NULL);
  index->word_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  index->postings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* Inside a write transaction the search table may lag behind. */
  if (!_nb_store_sync_search (self, error))
    return NULL;

  stmt = _nb_store_prepare (self, NB_STMT_CARDS_INDEX, NB_STORE_SQL_CARDS_INDEX, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      Card card = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) != 0, 0 };
      guint32 card_index = index->cards->len;

      for (guint16 c = 0; c < NB_CARD_N_COLUMNS; c++)
        {
          const char *text = _nb_column_text (stmt, 2 + c);

          card.length += (guint) sqlite3_column_bytes (stmt, 2 + c);
          index_column (index, word_ids, card_index, c, text);
        }

      total_length += card.length;
      g_array_append_val (index->cards, card);
    }

  if (rc == -1)
    return NULL;

  index->average_length = index->cards->len > 0 ? (double) total_length / index->cards->len : 1.0;
  if (index->average_length <= 0)
    index->average_length = 1.0;

  return g_steal_pointer (&index);
}

NbCardIndex *
_nb_store_get_card_index (NbStore  *self,
                          GError  **error)
{
  Cache *cache = get_cache (self);
  NbCardIndex *index;
  Stamp stamp;
  gboolean cacheable = get_stamp (self, (gint64) cache->person_changes, &stamp);

  if (cacheable && cache->cards != NULL && stamp_equal (&stamp, &cache->cards_stamp))
    return cache->cards;

  index = build_card_index (self, error);
  if (index == NULL)
    return NULL;

  card_index_free (cache->cards);
  cache->cards = index;
  /* Built in a write transaction: used by this caller, never again. */
  if (cacheable)
    cache->cards_stamp = stamp;
  else
    cache->cards_stamp.data_version = -1;

  return index;
}

/* The word of @index that holds byte @offset of its buffer. */
static guint
word_at (NbCardIndex *index,
         gsize        offset)
{
  guint lo = 0;
  guint hi = index->word_starts->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (index->word_starts, guint32, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

typedef struct {
  guint32  card;
  double   score;
} Scored;

static int
compare_scored (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Scored *x = a;
  const Scored *y = b;
  GArray *cards = user_data;
  gint64 id_x = g_array_index (cards, Card, x->card).id;
  gint64 id_y = g_array_index (cards, Card, y->card).id;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return id_x < id_y ? -1 : id_x > id_y;
}

GArray *
_nb_card_index_find (NbCardIndex        *index,
                     const char * const *stems,
                     gint64              exclude_id,
                     guint               limit)
{
  guint n_cards = index->cards->len;
  g_autofree double *scores = g_new0 (double, MAX (n_cards, 1));
  g_autofree double *frequencies = g_new0 (double, MAX (n_cards, 1));
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) scored = g_array_new (FALSE, FALSE, sizeof (Scored));
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n_cards, 1));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* bm25 over the cards, as FTS5 computes it for "stem OR stem…" with
   * the columns' weights: each stem adds its idf times its saturated,
   * weighted count in the card. */
  for (guint s = 0; stems[s] != NULL; s++)
    {
      gsize stem_len = strlen (stems[s]);
      const char *buffer = index->words->str;
      const char *end = buffer + index->words->len;
      const char *hit = buffer;
      g_autoptr(GArray) stem_cards = g_array_new (FALSE, FALSE, sizeof (guint32));
      double n_matching;
      double idf;

      if (stem_len == 0)
        continue;

      while ((hit = memmem (hit, (gsize) (end - hit), stems[s], stem_len)) != NULL)
        {
          guint word = word_at (index, (gsize) (hit - buffer));
          GArray *postings = g_ptr_array_index (index->postings, word);

          for (guint p = 0; p < postings->len; p++)
            {
              Posting *posting = &g_array_index (postings, Posting, p);

              if (frequencies[posting->card] == 0)
                g_array_append_val (stem_cards, posting->card);
              frequencies[posting->card] += card_weights[posting->column] * posting->count;
            }

          hit++;
        }

      n_matching = stem_cards->len;
      idf = log ((n_cards - n_matching + 0.5) / (n_matching + 0.5));
      if (idf <= 0)
        idf = 1e-6;

      for (guint i = 0; i < stem_cards->len; i++)
        {
          guint32 card = g_array_index (stem_cards, guint32, i);
          double length = g_array_index (index->cards, Card, card).length;
          double f = frequencies[card];

          scores[card] += idf * f * (BM25_K1 + 1) /
                          (f + BM25_K1 * (1 - BM25_B + BM25_B * length / index->average_length));
          frequencies[card] = 0;
          if (!seen[card])
            {
              seen[card] = TRUE;
              g_array_append_val (touched, card);
            }
        }
    }

  for (guint i = 0; i < touched->len; i++)
    {
      guint32 card = g_array_index (touched, guint32, i);
      Card *c = &g_array_index (index->cards, Card, card);
      Scored entry = { card, scores[card] };

      if (c->archived || c->id == exclude_id)
        continue;
      g_array_append_val (scored, entry);
    }

  g_array_sort_with_data (scored, compare_scored, index->cards);
  for (guint i = 0; i < scored->len && (limit == 0 || ids->len < limit); i++)
    g_array_append_val (ids, g_array_index (index->cards, Card,
                                            g_array_index (scored, Scored, i).card).id);

  return ids;
}

/* ---- entry → person ------------------------------------------------------ */

static gboolean
build_entry_people (NbStore  *self,
                    Cache    *cache,
                    GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autofree guint32 *map = NULL;
  gint64 max_id = 0;
  gint64 count = 0;
  int rc;

  stmt = _nb_store_prepare (self, NB_STMT_ENTRY_PEOPLE_SIZE,
                            "SELECT coalesce (max (id), 0), count (*) FROM entries", error);
  if (stmt == NULL || _nb_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  max_id = sqlite3_column_int64 (stmt, 0);
  count = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, _nb_stmt_release);

  g_clear_pointer (&cache->entry_people, g_free);
  cache->n_entry_people = 0;
  if (max_id < 0 || max_id > ENTRY_MAP_SPARSE_FACTOR * count + 4096 || max_id >= G_MAXUINT32)
    return TRUE;

  map = g_new0 (guint32, (gsize) max_id + 1);
  /* The timeline index covers both columns: no row is read. */
  stmt = _nb_store_prepare (self, NB_STMT_ENTRY_PEOPLE,
                            "SELECT id, person_id FROM entries INDEXED BY entries_timeline", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 person_id = sqlite3_column_int64 (stmt, 1);

      /* A person id past 32 bits (rows written by another program):
       * no map, each note is looked up instead. */
      if (person_id >= G_MAXUINT32)
        return TRUE;
      if (id > 0 && id <= max_id && person_id > 0)
        map[id] = (guint32) person_id;
    }

  if (rc == -1)
    return FALSE;

  cache->entry_people = g_steal_pointer (&map);
  cache->n_entry_people = (gsize) max_id + 1;
  return TRUE;
}

gboolean
_nb_store_prepare_entry_people (NbStore  *self,
                                GError  **error)
{
  Cache *cache = get_cache (self);
  Stamp stamp;

  if (!get_stamp (self, sqlite3_total_changes64 (self->db), &stamp))
    {
      g_clear_pointer (&cache->entry_people, g_free);
      cache->n_entry_people = 0;
      return TRUE;
    }

  if (cache->entry_people != NULL && stamp_equal (&stamp, &cache->entry_people_stamp))
    return TRUE;

  if (!build_entry_people (self, cache, error))
    return FALSE;

  cache->entry_people_stamp = stamp;
  return TRUE;
}

const guint32 *
_nb_store_entry_people_map (NbStore *self,
                            gsize   *n_out)
{
  Cache *cache = get_cache (self);

  *n_out = cache->entry_people != NULL ? cache->n_entry_people : 0;
  return cache->entry_people;
}

gint64
_nb_store_entry_person (NbStore  *self,
                        gint64    entry_id,
                        GError  **error)
{
  Cache *cache = get_cache (self);
  g_autoptr(NbStmt) stmt = NULL;
  int rc;

  if (cache->entry_people != NULL && entry_id > 0 && (gsize) entry_id < cache->n_entry_people)
    return cache->entry_people[entry_id];

  stmt = _nb_store_prepare (self, NB_STMT_ENTRY_PERSON,
                            "SELECT person_id FROM entries WHERE id = ?", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = _nb_store_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- the last timeline ----------------------------------------------------- */

GPtrArray *
_nb_store_cached_timeline (NbStore *self,
                           gint64   person_id)
{
  Cache *cache = get_cache (self);
  Stamp stamp;

  if (cache->timeline == NULL || cache->timeline_person != person_id ||
      !get_stamp (self, sqlite3_total_changes64 (self->db), &stamp) ||
      !stamp_equal (&stamp, &cache->timeline_stamp))
    return NULL;

  /* The same entries, in a new array: callers own the array. */
  return g_ptr_array_copy (cache->timeline, (GCopyFunc) g_object_ref, NULL);
}

void
_nb_store_keep_timeline (NbStore   *self,
                         gint64     person_id,
                         GPtrArray *entries)
{
  Cache *cache = get_cache (self);
  Stamp stamp;

  g_clear_pointer (&cache->timeline, g_ptr_array_unref);
  if (!get_stamp (self, sqlite3_total_changes64 (self->db), &stamp))
    return;

  cache->timeline_person = person_id;
  cache->timeline = g_ptr_array_copy (entries, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (cache->timeline, g_object_unref);
  cache->timeline_stamp = stamp;
}

/* ---- the goodwill balance ------------------------------------------------ */

gboolean
_nb_store_cached_goodwill (NbStore *self,
                           guint   *given,
                           guint   *received)
{
  Cache *cache = get_cache (self);
  Stamp stamp;

  /* Any row changed on this connection (sqlite3_total_changes64()), or
   * a commit of another (data_version), may change the balance. */
  if (!get_stamp (self, sqlite3_total_changes64 (self->db), &stamp))
    {
      cache->goodwill_counting.data_version = -1;
      return FALSE;
    }

  if (stamp_equal (&stamp, &cache->goodwill_stamp))
    {
      *given = cache->goodwill_given;
      *received = cache->goodwill_received;
      return TRUE;
    }

  cache->goodwill_counting = stamp;
  return FALSE;
}

void
_nb_store_keep_goodwill (NbStore *self,
                         guint    given,
                         guint    received)
{
  Cache *cache = get_cache (self);

  cache->goodwill_given = given;
  cache->goodwill_received = received;
  cache->goodwill_stamp = cache->goodwill_counting;
  cache->goodwill_counting.data_version = -1;
}
