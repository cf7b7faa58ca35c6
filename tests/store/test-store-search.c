/* test-store-search.c: search, helpers for someone's needs, trust steps
 * and the briefing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "store-test-util.h"

/* nb_store_search(), and nb_store_search_ids() checked against it: the
 * same people in the same order, for every search these tests make. */
static GPtrArray *
search (NbStore    *store,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = nb_store_search (store, query, 0, &error);
  g_autoptr(GArray) ids = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (hits);

  ids = nb_store_search_ids (store, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, hits->len);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==,
                     nb_person_get_id (((NbSearchHit *) g_ptr_array_index (hits, i))->person));

  return hits;
}

static const char *
hit_name (GPtrArray *hits,
          guint      i)
{
  NbSearchHit *hit = g_ptr_array_index (hits, i);

  return nb_person_get_display_name (hit->person);
}

static void
assert_finds (NbStore    *store,
              const char *query,
              const char *name)
{
  g_autoptr(GPtrArray) hits = search (store, query);
  gboolean found = FALSE;

  for (guint i = 0; i < hits->len; i++)
    found |= g_str_equal (hit_name (hits, i), name);

  if (!found)
    g_error ("“%s” did not find %s (%u hits)", query, name, hits->len);
}

static void
assert_n_hits (NbStore    *store,
               const char *query,
               guint       n)
{
  g_autoptr(GPtrArray) hits = search (store, query);

  if (hits->len != n)
    g_error ("“%s”: %u hits, expected %u", query, hits->len, n);
}

static NbStore *
make_network (void)
{
  NbStore *store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NbPerson) priya = nb_person_new ("Priya Raghunathan");
  g_autoptr(NbPerson) paris = nb_person_new ("Paris Hilton");
  const char *priya_tags[] = { "accounting", NULL };

  test_fill_sample (store);
  test_add_person (store, "Annabelle Smith", "Acme", "Manager");

  nb_person_set_field (priya, NB_PERSON_COMPANY, "Spa Olivia");
  nb_person_set_field (priya, NB_PERSON_OFFERS, "Bookkeeping for small businesses");
  nb_person_set_tags (priya, priya_tags);
  nb_store_add_person (store, priya, &error);
  g_assert_no_error (error);

  nb_store_add_person (store, paris, &error);
  g_assert_no_error (error);
  test_add_entry (store, NB_ENTRY_NOTE, 1, "2024-05-20", "Planning a trip to Paris in June");

  return store;
}

static void
test_basics (void)
{
  g_autoptr(NbStore) store = make_network ();

  /* Case and accents, both ways. */
  assert_finds (store, "MARIA", "Maria Rossi");
  assert_finds (store, "angstrom", "Zoë Ångström");
  assert_finds (store, "ÅNGSTRÖM", "Zoë Ångström");
  assert_finds (store, "zoë", "Zoë Ångström");

  /* Partial words, as typed. */
  assert_finds (store, "ann", "Annabelle Smith");
  assert_finds (store, "angst", "Zoë Ångström");
  assert_finds (store, "ghuna", "Priya Raghunathan");

  /* Company, role, tags, offers, target market, notes. */
  assert_finds (store, "roofing", "Tom O'Brien");
  assert_finds (store, "designer", "Maria Rossi");
  assert_finds (store, "accounting", "Priya Raghunathan");
  assert_finds (store, "bookkeeping", "Priya Raghunathan");
  assert_finds (store, "restaurants", "Maria Rossi");
  assert_finds (store, "sailing", "Zoë Ångström");
  assert_finds (store, "o'brien", "Tom O'Brien");

  /* Punctuation around words, as typed, does not stop a match. */
  assert_finds (store, "Maria,", "Maria Rossi");
  assert_finds (store, "(rossi)", "Maria Rossi");

  /* All terms must match. */
  assert_n_hits (store, "maria rossi", 1);
  assert_n_hits (store, "maria sailing", 0);
  assert_n_hits (store, "nothing-like-this", 0);
  assert_n_hits (store, "", 0);
  assert_n_hits (store, "   ", 0);

  /* Short queries match the starts of names' words. */
  assert_finds (store, "ma", "Maria Rossi");
  assert_finds (store, "ro", "Maria Rossi");
  assert_finds (store, "z", "Zoë Ångström");
  assert_finds (store, "Å", "Zoë Ångström");
  assert_n_hits (store, "ia", 0);
}

static void
test_snippets_and_ranking (void)
{
  g_autoptr(NbStore) store = make_network ();
  g_autoptr(GPtrArray) hits = NULL;
  NbSearchHit *hit;

  /* A name outranks a note. */
  hits = search (store, "paris");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (hit_name (hits, 0), ==, "Paris Hilton");
  g_assert_cmpstr (hit_name (hits, 1), ==, "Maria Rossi");
  hit = g_ptr_array_index (hits, 0);
  g_assert_null (hit->snippet);
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpstr (hit->snippet, ==, "Planning a trip to Paris in June");
  g_assert_cmpfloat (((NbSearchHit *) g_ptr_array_index (hits, 0))->rank, <=, hit->rank);

  /* One hit per person, however many of their rows match. */
  test_add_entry (store, NB_ENTRY_NOTE, 1, "2024-05-21", "Paris again, and Paris once more");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (store, "paris");
  g_assert_cmpuint (hits->len, ==, 2);

  /* The snippet shows the original text around the match. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (store, "salons");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->snippet, ==, "Salons Ångström");

  /* Limit. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  {
    g_autoptr(GError) error = NULL;

    hits = nb_store_search (store, "a", 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 2);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = nb_store_search (store, "ann", 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }

  /* Long notes: the snippet is cut around the match. */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint i = 0; i < 2000; i++)
      g_string_append (text, "filler words ");
    g_string_append (text, "the zeppelin museum ");
    for (guint i = 0; i < 2000; i++)
      g_string_append (text, "more filler ");
    test_add_entry (store, NB_ENTRY_NOTE, 2, "2024-05-22", text->str);

    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = search (store, "zeppelin");
    g_assert_cmpuint (hits->len, ==, 1);
    hit = g_ptr_array_index (hits, 0);
    g_assert_nonnull (strstr (hit->snippet, "zeppelin museum"));
    g_assert_true (g_str_has_prefix (hit->snippet, "…"));
    g_assert_true (g_str_has_suffix (hit->snippet, "…"));
    g_assert_cmpuint (g_utf8_strlen (hit->snippet, -1), <, 120);
  }
}

static void
test_stays_in_sync (void)
{
  g_autoptr(NbStore) store = make_network ();
  g_autoptr(NbPerson) maria = NULL;
  g_autoptr(NbEntry) note = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "pottery", NULL };
  gint64 note_id;

  /* Renamed: the old name is gone, the new one found. */
  maria = nb_store_get_person (store, 1, &error);
  g_assert_no_error (error);
  nb_person_set_field (maria, NB_PERSON_DISPLAY_NAME, "Mariella Bianchi");
  nb_person_set_tags (maria, tags);
  nb_store_update_person (store, maria, &error);
  g_assert_no_error (error);
  assert_n_hits (store, "rossi", 1);     /* still her family name */
  assert_finds (store, "mariella", "Mariella Bianchi");
  assert_finds (store, "pottery", "Mariella Bianchi");
  nb_person_set_tags (maria, NULL);
  nb_store_update_person (store, maria, &error);
  g_assert_no_error (error);
  assert_n_hits (store, "pottery", 0);

  /* Notes edited, deleted, undeleted. */
  note_id = test_add_entry (store, NB_ENTRY_NOTE, 3, "2024-05-01", "kayaking");
  assert_n_hits (store, "kayak", 1);
  note = nb_store_get_entry (store, note_id, &error);
  nb_entry_set_text (note, "canoeing");
  nb_store_update_entry (store, note, &error);
  g_assert_no_error (error);
  assert_n_hits (store, "kayak", 0);
  assert_n_hits (store, "canoe", 1);
  nb_store_delete_entry (store, note_id, &error);
  assert_n_hits (store, "canoe", 0);
  nb_store_undelete_entry (store, note_id, &error);
  assert_n_hits (store, "canoe", 1);

  /* Deleted people are not found, by name or by note. */
  nb_store_delete_person (store, 3, &error);
  g_assert_no_error (error);
  assert_n_hits (store, "angstrom", 0);
  assert_n_hits (store, "canoe", 0);
  assert_n_hits (store, "z", 0);
  nb_store_undelete_person (store, 3, &error);
  assert_n_hits (store, "angstrom", 1);
  assert_n_hits (store, "canoe", 1);

  /* After a purge, the index holds nothing of them. */
  nb_store_delete_person (store, 3, &error);
  nb_store_purge_deleted (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM search WHERE person_id = 3"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM search"), ==,
                   test_sqlite_int (store->db, "SELECT (SELECT count (*) FROM people)"
                                               " + (SELECT count (*) FROM entries)"));
  test_assert_search_index_exact (store);
}

static gboolean
add_then_fail_cb (NbStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  test_add_person (store, user_data, "", "");
  /* Found inside the transaction, before its COMMIT. */
  assert_n_hits (store, "okonkwo", 2);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  return FALSE;
}

static gboolean
add_and_search_cb (NbStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  g_autoptr(GError) inner_error = NULL;
  gint64 id = test_add_person (store, "Quentin Okonkwo", "Harbour Tiles", "");

  assert_n_hits (store, "okonkwo", 1);
  test_add_entry (store, NB_ENTRY_NOTE, id, "2024-05-02", "Wants a kiln");
  assert_finds (store, "kiln", "Quentin Okonkwo");

  /* A nested level rolled back after a search wrote the index: what
   * came before it is still found, what it added is not. */
  g_assert_false (nb_store_transaction (store, add_then_fail_cb, (gpointer) "Ottoline Okonkwo", &inner_error));
  g_assert_error (inner_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_n_hits (store, "okonkwo", 1);
  assert_finds (store, "kiln", "Quentin Okonkwo");
  assert_finds (store, "harbour", "Quentin Okonkwo");

  return TRUE;
}

/* The index is written once per transaction (nb-store-schema.c,
 * version 3), yet found at every step, and undone with what it indexed. */
static void
test_transactions (void)
{
  g_autoptr(NbStore) store = make_network ();
  g_autoptr(GError) error = NULL;

  nb_store_transaction (store, add_and_search_cb, NULL, &error);
  g_assert_no_error (error);
  assert_n_hits (store, "okonkwo", 1);
  assert_n_hits (store, "ottoline", 0);
  assert_finds (store, "kiln", "Quentin Okonkwo");
  test_assert_search_index_exact (store);

  /* A failed transaction leaves nothing in the index. */
  g_assert_false (nb_store_transaction (store, add_then_fail_cb, (gpointer) "Ottilie Okonkwo", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_n_hits (store, "ottilie", 0);
  test_assert_search_index_exact (store);
}

/* Another program writing with Netbook's functions (a restore, a
 * script, an older tool) leaves its stale rows in pending_search: the
 * store's next COMMIT, or the next opening, writes them. */
static void
test_other_connection (void)
{
  g_autofree char *path = NULL;
  g_autoptr(NbStore) store = make_network ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  path = g_strdup (nb_store_get_path (store));
  db = test_sqlite_open (path);
  test_sqlite_exec (db, "INSERT INTO people (display_name, created, updated) VALUES ('Xavier Pendleton', 0, 0)");
  g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM pending_search"), ==, 1);

  test_add_person (store, "Yolanda Pike", "", "");
  assert_finds (store, "pendleton", "Xavier Pendleton");
  assert_finds (store, "yolanda", "Yolanda Pike");
  test_assert_search_index_exact (store);

  test_sqlite_exec (db, "UPDATE people SET company = 'Quarry Works' WHERE display_name = 'Xavier Pendleton'");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_clear_object (&store);

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  assert_finds (store, "quarry", "Xavier Pendleton");
  test_assert_search_index_exact (store);
}

static gint64
add_card (NbStore            *store,
          const char         *name,
          const char         *company,
          const char         *offers,
          const char * const *tags)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  nb_person_set_field (person, NB_PERSON_COMPANY, company);
  nb_person_set_field (person, NB_PERSON_OFFERS, offers);
  nb_person_set_tags (person, tags);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);
  return id;
}

/* Cards rank by the fields they match in, summed over the fields and
 * the terms (nb_rank(): name 10, work 5, tags 5, offers 3), then by
 * person; people only notes mention come after every card. */
static void
test_rank_by_fields (void)
{
  g_autoptr(NbStore) store = make_network ();
  const char * const quill_tag[] = { "quill", NULL };
  const char * const none[] = { NULL };
  g_autoptr(GPtrArray) hits = NULL;
  gint64 offers = add_card (store, "Dora Vance", "", "Quill pens, repaired", none);
  gint64 tag = add_card (store, "Cyril Marsh", "", "", quill_tag);
  gint64 work = add_card (store, "Bess Holloway", "Quill Books", "", none);
  gint64 name = add_card (store, "Harriet Quill", "", "", none);
  gint64 both = add_card (store, "Quentin Quill", "Quill & Co", "", none);
  gint64 noted = add_card (store, "Ezra Pike", "", "", none);
  const gint64 expected[] = { both, name, tag, work, offers, noted };

  test_add_entry (store, NB_ENTRY_NOTE, noted, "2024-05-01", "Wants a quill for his desk");

  hits = search (store, "quill");
  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (nb_person_get_id (((NbSearchHit *) g_ptr_array_index (hits, i))->person), ==, expected[i]);
  /* Equal ranks (tags and work weigh the same) come in person order. */
  g_assert_cmpfloat (((NbSearchHit *) g_ptr_array_index (hits, 2))->rank, ==,
                     ((NbSearchHit *) g_ptr_array_index (hits, 3))->rank);
  g_assert_cmpint (tag, <, work);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Two terms: both in the name beat one in the name, one at work. */
  hits = search (store, "quill harriet");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (nb_person_get_id (((NbSearchHit *) g_ptr_array_index (hits, 0))->person), ==, name);
}

/* Ids far apart (a notebook merged from another, rows written by
 * another program) are found as well as dense ones, notes and all, and
 * a deleted person's notes find nobody either way. */
static void
test_sparse_ids (void)
{
  g_autoptr(NbStore) store = make_network ();
  g_autofree char *path = g_strdup (nb_store_get_path (store));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 near = test_add_person (store, "Quentin Marlowe", "", "");
  sqlite3 *db = test_sqlite_open (path);

  test_sqlite_exec (db, "INSERT INTO people (id, display_name, folded_name, created, updated) "
                        "VALUES (5000000000, 'Quincy Farthing', 'quincy farthing', 0, 0)");
  test_sqlite_exec (db, "INSERT INTO people (id, display_name, folded_name, created, updated) "
                        "VALUES (3000000, 'Querida Lontano', 'querida lontano', 0, 0)");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  test_add_entry (store, NB_ENTRY_NOTE, 5000000000, "2024-05-01", "Keeps quails on the roof");
  test_add_entry (store, NB_ENTRY_NOTE, 3000000, "2024-05-02", "Asked about quails");
  test_add_entry (store, NB_ENTRY_NOTE, 3000000, "2024-05-03", "More quails");
  test_add_entry (store, NB_ENTRY_NOTE, near, "2024-05-04", "Quails again");
  test_add_entry (store, NB_ENTRY_NOTE, 1, "2024-05-05", "Heard of quails");

  /* Newest note first, one hit per person (search() checks the ids). */
  hits = search (store, "quails");
  g_assert_cmpuint (hits->len, ==, 4);
  g_assert_cmpint (nb_person_get_id (((NbSearchHit *) g_ptr_array_index (hits, 0))->person), ==, 1);
  g_assert_cmpstr (hit_name (hits, 1), ==, "Quentin Marlowe");
  g_assert_cmpstr (hit_name (hits, 2), ==, "Querida Lontano");
  g_assert_cmpstr (hit_name (hits, 3), ==, "Quincy Farthing");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Names, with and without the full-text index. */
  assert_finds (store, "farthing", "Quincy Farthing");
  assert_finds (store, "qu", "Quincy Farthing");
  assert_finds (store, "qu", "Querida Lontano");

  /* Deleted: their notes find nobody. */
  g_assert_true (nb_store_delete_person (store, 5000000000, &error));
  g_assert_no_error (error);
  g_assert_true (nb_store_delete_person (store, near, &error));
  g_assert_no_error (error);
  hits = search (store, "quails");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (nb_person_get_id (((NbSearchHit *) g_ptr_array_index (hits, 0))->person), ==, 1);
  g_assert_cmpstr (hit_name (hits, 1), ==, "Querida Lontano");

  /* Nothing to search for, and text that is not UTF-8. */
  ids = nb_store_search_ids (store, "  ", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = nb_store_search_ids (store, "qu\xff", &error);
  g_assert_null (ids);
  g_assert_nonnull (error);
}

static void
test_syntax_is_text (void)
{
  g_autoptr(NbStore) store = make_network ();
  const char *queries[] = {
    "\"a\" OR b*",
    "'; DROP TABLE people;--",
    "NEAR(maria rossi)",
    "maria AND NOT rossi",
    "name:maria",
    "{name} : maria",
    "^maria",
    "\"",
    "\"\"\"",
    "*",
    "(((",
    "rossi)",
    "-maria",
    "+",
    "%",
    "\\",
    "\xef\xbf\xbf",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = search (store, queries[i]);

      g_test_message ("“%s”: %u hits", queries[i], hits->len);
    }

  /* Operators are words: "maria AND NOT rossi" needs all four. */
  assert_n_hits (store, "maria AND NOT rossi", 0);
  assert_n_hits (store, "'; DROP TABLE people;--", 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 6);

  /* Quotes are text too. */
  test_add_entry (store, NB_ENTRY_NOTE, 2, "2024-05-01", "He said \"hello\" OR goodbye*");
  assert_finds (store, "\"hello\"", "Tom O'Brien");
  assert_finds (store, "goodbye*", "Tom O'Brien");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = nb_store_search (store, "bad \xff", 0, &error);

    g_assert_null (hits);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  }
}

static void
test_helpers_trust_briefing (void)
{
  g_autoptr(NbStore) store = make_network ();
  g_autoptr(NbTrust) trust = NULL;
  g_autoptr(NbBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbPerson) maria = NULL;
  const char * const *steps;
  GPtrArray *helpers;
  gboolean found = FALSE;

  /* Maria needs "A bookkeeper"; Priya offers bookkeeping. */
  trust = nb_store_compute_trust (store, 1, "2024-06-01", &error);
  g_assert_no_error (error);
  steps = nb_trust_get_next_steps (trust);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_test_message ("next step: %s", steps[i]);
      if (strstr (steps[i], "Priya Raghunathan") != NULL &&
          strstr (steps[i], "Bookkeeping") != NULL)
        found = TRUE;
    }
  g_assert_true (found);

  /* Tom introduced Maria. */
  maria = nb_store_get_person (store, 1, &error);
  nb_person_set_introduced_by (maria, 2);
  nb_store_update_person (store, maria, &error);
  g_assert_no_error (error);

  briefing = nb_store_build_briefing (store, 1, "2024-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_person_get_display_name (nb_briefing_get_person (briefing)), ==, "Maria Rossi");
  g_assert_cmpstr (nb_person_get_display_name (nb_briefing_get_introducer (briefing)), ==, "Tom O'Brien");

  helpers = nb_briefing_get_helpers (briefing);
  g_assert_cmpuint (helpers->len, >=, 1);
  {
    NbBriefingHelper *helper = g_ptr_array_index (helpers, 0);

    g_assert_cmpstr (nb_person_get_display_name (helper->helper), ==, "Priya Raghunathan");
    g_assert_cmpstr (nb_entry_get_text (helper->entry), ==, "A bookkeeper");
    g_assert_cmpstr (helper->reason, ==, "offers Bookkeeping for small businesses");
  }
  for (guint i = 0; i < helpers->len; i++)
    {
      NbBriefingHelper *helper = g_ptr_array_index (helpers, i);

      g_assert_cmpint (nb_person_get_id (helper->helper), !=, 1);
    }

  /* Nobody for someone with no open needs; missing people are errors. */
  g_clear_object (&briefing);
  briefing = nb_store_build_briefing (store, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nb_briefing_get_helpers (briefing)->len, ==, 0);
  g_assert_null (nb_briefing_get_introducer (briefing));

  g_clear_object (&briefing);
  briefing = nb_store_build_briefing (store, 999, NULL, &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&trust);
  trust = nb_store_compute_trust (store, 999, NULL, &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
}

/* Cards are ranked, then the people only notes mention, newest note
 * first (nb-store-search.c: notes are not ranked, but all are found). */
static void
test_notes_after_cards (void)
{
  g_autoptr(NbStore) store = make_network ();
  g_autoptr(GPtrArray) hits = NULL;
  gint64 walter = test_add_person (store, "Walter Lindqvist", "Lindqvist Harbour", "");
  gint64 ines = test_add_person (store, "Ines Duarte", "", "");
  gint64 oscar = test_add_person (store, "Oscar Brandt", "", "");

  test_add_entry (store, NB_ENTRY_NOTE, ines, "2024-05-01", "Met at the harbour festival");
  test_add_entry (store, NB_ENTRY_NOTE, oscar, "2024-04-01", "Owns a boat in the harbour");
  /* Walter's notes do not make him a second hit. */
  test_add_entry (store, NB_ENTRY_NOTE, walter, "2024-04-02", "Harbour again");

  hits = search (store, "harbour");
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (hit_name (hits, 0), ==, "Walter Lindqvist");
  /* Oscar's note was written last. */
  g_assert_cmpstr (hit_name (hits, 1), ==, "Oscar Brandt");
  g_assert_cmpstr (hit_name (hits, 2), ==, "Ines Duarte");
  for (guint i = 1; i < hits->len; i++)
    g_assert_cmpfloat (((NbSearchHit *) g_ptr_array_index (hits, i - 1))->rank, <,
                       ((NbSearchHit *) g_ptr_array_index (hits, i))->rank);
  g_assert_cmpstr (((NbSearchHit *) g_ptr_array_index (hits, 1))->snippet, ==, "Owns a boat in the harbour");

  /* A limit takes the best. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  {
    g_autoptr(GError) error = NULL;

    hits = nb_store_search (store, "harbour", 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 2);
    g_assert_cmpstr (hit_name (hits, 1), ==, "Oscar Brandt");
  }
}

/* Notes are mapped to their people in memory (nb-store-cache.c): the
 * map follows notes written, moved and deleted, here and elsewhere. */
static void
test_notes_follow_changes (void)
{
  g_autoptr(NbStore) store = make_network ();
  g_autoptr(NbEntry) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 note_id;
  sqlite3 *db;

  note_id = test_add_entry (store, NB_ENTRY_NOTE, 2, "2024-05-01", "Collects barometers");
  assert_n_hits (store, "barometer", 1);
  assert_finds (store, "barometer", "Tom O'Brien");

  /* Moved to someone else. */
  note = nb_store_get_entry (store, note_id, &error);
  g_assert_no_error (error);
  nb_entry_set_person_id (note, 3);
  nb_store_update_entry (store, note, &error);
  g_assert_no_error (error);
  assert_n_hits (store, "barometer", 1);
  assert_finds (store, "barometer", "Zoë Ångström");

  /* A new note after the map was made. */
  test_add_entry (store, NB_ENTRY_NOTE, 1, "2024-05-03", "Also likes barometers");
  assert_n_hits (store, "barometer", 2);

  /* Another connection moves it back. */
  path = g_strdup (nb_store_get_path (store));
  db = test_sqlite_open (path);
  test_sqlite_exec (db, "UPDATE entries SET person_id = 2 WHERE text = 'Collects barometers'");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  assert_n_hits (store, "barometer", 2);
  assert_finds (store, "barometer", "Tom O'Brien");
  assert_finds (store, "barometer", "Maria Rossi");

  nb_store_delete_entry (store, note_id, &error);
  g_assert_no_error (error);
  assert_n_hits (store, "barometer", 1);
  assert_finds (store, "barometer", "Maria Rossi");
}

static gint64
first_helper (NbStore    *store,
              gint64      person_id,
              const char *need)
{
  g_autoptr(NbBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *helpers;

  briefing = nb_store_build_briefing (store, person_id, "2024-06-01", &error);
  g_assert_no_error (error);
  helpers = nb_briefing_get_helpers (briefing);
  for (guint i = 0; i < helpers->len; i++)
    {
      NbBriefingHelper *helper = g_ptr_array_index (helpers, i);

      if (g_str_equal (nb_entry_get_text (helper->entry), need))
        return nb_person_get_id (helper->helper);
    }

  return 0;
}

typedef struct {
  gint64 person_id;
  gint64 helper_id;
} HelperCheck;

static gboolean
offer_and_find_cb (NbStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  HelperCheck *check = user_data;
  g_autoptr(NbPerson) helper = nb_store_get_person (store, check->helper_id, error);

  if (helper == NULL)
    return FALSE;
  nb_person_set_field (helper, NB_PERSON_OFFERS, "Kiln repairs");
  if (!nb_store_update_person (store, helper, error))
    return FALSE;

  /* Found inside the transaction, before its COMMIT. */
  g_assert_cmpint (first_helper (store, check->person_id, "A kiln repairer"), ==, check->helper_id);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  return FALSE;
}

/* Helpers come from the cards index (nb-store-cache.c), kept while no
 * card changes: cards changed here, elsewhere, or inside a transaction
 * rolled back are followed. */
static void
test_helpers_follow_changes (void)
{
  g_autoptr(NbStore) store = make_network ();
  g_autoptr(NbPerson) priya = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HelperCheck check;
  gint64 priya_id;
  gint64 kim;
  sqlite3 *db;

  priya_id = test_sqlite_int (store->db, "SELECT id FROM people WHERE display_name = 'Priya Raghunathan'");
  kim = test_add_person (store, "Kim Nakamura", "Nakamura Books", "Bookkeeper");

  /* The same need twice: both get their helpers. */
  test_add_entry (store, NB_ENTRY_NEED, 3, "2024-05-01", "A bookkeeper");
  test_add_entry (store, NB_ENTRY_NEED, 3, "2024-05-02", "A bookkeeper");
  {
    g_autoptr(NbBriefing) briefing = nb_store_build_briefing (store, 3, "2024-06-01", &error);
    GPtrArray *helpers;
    guint n_helpers = 0;
    guint n_first = 0;

    g_assert_no_error (error);
    helpers = nb_briefing_get_helpers (briefing);
    for (guint i = 0; i < helpers->len; i++)
      {
        NbBriefingHelper *helper = g_ptr_array_index (helpers, i);

        if (!g_str_equal (nb_entry_get_text (helper->entry), "A bookkeeper"))
          continue;
        n_helpers++;
        n_first += nb_person_get_id (helper->helper) == priya_id;
      }
    g_assert_cmpuint (n_helpers, ==, 4);
    g_assert_cmpuint (n_first, ==, 2);
  }

  /* Archived helpers are not suggested. */
  nb_store_set_person_archived (store, priya_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_helper (store, 3, "A bookkeeper"), ==, kim);
  nb_store_set_person_archived (store, kim, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_helper (store, 3, "A bookkeeper"), ==, 0);
  nb_store_set_person_archived (store, priya_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_helper (store, 3, "A bookkeeper"), ==, priya_id);

  /* A card changed: found by what it offers now. */
  test_add_entry (store, NB_ENTRY_NEED, 3, "2024-05-03", "A kiln repairer");
  g_assert_cmpint (first_helper (store, 3, "A kiln repairer"), ==, 0);
  priya = nb_store_get_person (store, priya_id, &error);
  g_assert_no_error (error);
  nb_person_set_field (priya, NB_PERSON_OFFERS, "Kiln repairs and firing");
  nb_store_update_person (store, priya, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_helper (store, 3, "A kiln repairer"), ==, priya_id);
  g_assert_cmpint (first_helper (store, 3, "A bookkeeper"), ==, 0);

  /* Changed inside a transaction that is rolled back: as before. */
  check.person_id = 3;
  check.helper_id = 2;
  g_assert_false (nb_store_transaction (store, offer_and_find_cb, &check, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (first_helper (store, 3, "A kiln repairer"), ==, priya_id);

  /* Changed by another connection. */
  path = g_strdup (nb_store_get_path (store));
  db = test_sqlite_open (path);
  test_sqlite_exec (db, "UPDATE people SET offers = 'Kiln building' WHERE display_name = 'Tom O''Brien'");
  test_sqlite_exec (db, "UPDATE people SET offers = '' WHERE display_name = 'Priya Raghunathan'");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  /* Its search rows are written by the store's next commit (see
   * test_other_connection()). */
  test_add_person (store, "Yolanda Pike", "", "");
  g_assert_cmpint (first_helper (store, 3, "A kiln repairer"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/search/basics", test_basics);
  g_test_add_func ("/store/search/snippets-and-ranking", test_snippets_and_ranking);
  g_test_add_func ("/store/search/stays-in-sync", test_stays_in_sync);
  g_test_add_func ("/store/search/transactions", test_transactions);
  g_test_add_func ("/store/search/other-connection", test_other_connection);
  g_test_add_func ("/store/search/sparse-ids", test_sparse_ids);
  g_test_add_func ("/store/search/rank-by-fields", test_rank_by_fields);
  g_test_add_func ("/store/search/syntax-is-text", test_syntax_is_text);
  g_test_add_func ("/store/search/helpers-trust-briefing", test_helpers_trust_briefing);
  g_test_add_func ("/store/search/notes-after-cards", test_notes_after_cards);
  g_test_add_func ("/store/search/notes-follow-changes", test_notes_follow_changes);
  g_test_add_func ("/store/search/helpers-follow-changes", test_helpers_follow_changes);

  return g_test_run ();
}
