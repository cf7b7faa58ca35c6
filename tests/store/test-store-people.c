/* test-store-people.c: people, tags, archive, delete and undo, resolving
 * names, list summaries, and a list of 10,000.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "nb-date.h"
#include "store-test-util.h"

static void
assert_same_card (NbPerson *a,
                  NbPerson *b)
{
  const char * const *tags_a = nb_person_get_tags (a);
  const char * const *tags_b = nb_person_get_tags (b);

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    g_assert_cmpstr (nb_person_get_field (a, (NbPersonField) i), ==,
                     nb_person_get_field (b, (NbPersonField) i));

  g_assert_cmpuint (g_strv_length ((char **) tags_a), ==, g_strv_length ((char **) tags_b));
  for (guint i = 0; tags_a[i] != NULL; i++)
    g_assert_cmpstr (tags_a[i], ==, tags_b[i]);

  g_assert_cmpuint (nb_person_get_cadence_days (a), ==, nb_person_get_cadence_days (b));
  g_assert_cmpuint (nb_person_get_rapport (a), ==, nb_person_get_rapport (b));
  g_assert_cmpint (nb_person_get_archived (a), ==, nb_person_get_archived (b));
  g_assert_cmpint (nb_person_get_introduced_by (a), ==, nb_person_get_introduced_by (b));
}

static void
test_crud (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbPerson) person = nb_person_new ("Maria Rossi");
  g_autoptr(NbPerson) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "design", "chamber", NULL };
  const char *new_tags[] = { "print", NULL };
  gint64 tom;
  gint64 id;

  tom = test_add_person (store, "Tom O'Brien", "O'Brien Roofing", "Sales");

  for (guint i = 1; i < NB_PERSON_N_FIELDS; i++)
    {
      g_autofree char *value = g_strdup_printf ("value %u <b>&\"'", i);

      if (i == NB_PERSON_MET_DATE || i == NB_PERSON_BIRTHDAY)
        nb_person_set_field (person, (NbPersonField) i, "1980-02-29");
      else
        nb_person_set_field (person, (NbPersonField) i, value);
    }
  nb_person_set_field (person, NB_PERSON_EMAILS, "a@example.com\nb@example.com");
  nb_person_set_tags (person, tags);
  nb_person_set_cadence_days (person, 30);
  nb_person_set_rapport (person, 5);
  nb_person_set_introduced_by (person, tom);

  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, tom);
  g_assert_cmpint (nb_person_get_id (person), ==, id);
  g_assert_cmpint (nb_person_get_created (person), >, 0);
  g_assert_cmpint (nb_person_get_updated (person), ==, nb_person_get_created (person));

  loaded = nb_store_get_person (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (loaded != person);
  g_assert_cmpint (nb_person_get_id (loaded), ==, id);
  g_assert_cmpint (nb_person_get_created (loaded), ==, nb_person_get_created (person));
  assert_same_card (person, loaded);

  /* Update everything, tags replaced. */
  nb_person_set_field (person, NB_PERSON_DISPLAY_NAME, "Maria Bianchi-Rossi");
  nb_person_set_field (person, NB_PERSON_COMPANY, "");
  nb_person_set_tags (person, new_tags);
  nb_person_set_cadence_days (person, 0);
  nb_person_set_introduced_by (person, 0);
  nb_store_update_person (store, person, &error);
  g_assert_no_error (error);

  g_clear_object (&loaded);
  loaded = nb_store_get_person (store, id, &error);
  g_assert_no_error (error);
  assert_same_card (person, loaded);
  g_assert_cmpstr (nb_person_get_company (loaded), ==, "");

  /* Missing people. */
  g_clear_object (&loaded);
  loaded = nb_store_get_person (store, 4242, &error);
  g_assert_null (loaded);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(NbPerson) ghost = nb_person_new ("Ghost");

    nb_person_set_id (ghost, 4242);
    g_assert_false (nb_store_update_person (store, ghost, &error));
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
}

static void
test_invalid (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  const char *names[] = { "", "   ", "\t\n" };
  const char *bad_tags[] = { "ok", "bad \xff tag", NULL };
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(NbPerson) person = nb_person_new (names[i]);

      g_assert_cmpint (nb_store_add_person (store, person, &error), ==, 0);
      g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
      g_assert_cmpint (nb_person_get_id (person), ==, 0);
      g_clear_error (&error);
    }

  {
    g_autoptr(NbPerson) person = nb_person_new ("Ada");

    nb_person_set_field (person, NB_PERSON_BIRTHDAY, "2024-02-30");
    g_assert_cmpint (nb_store_add_person (store, person, &error), ==, 0);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);

    nb_person_set_field (person, NB_PERSON_BIRTHDAY, "");
    nb_person_set_field (person, NB_PERSON_MET_DATE, "yesterday");
    g_assert_cmpint (nb_store_add_person (store, person, &error), ==, 0);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);

    nb_person_set_field (person, NB_PERSON_MET_DATE, "");
    nb_person_set_field (person, NB_PERSON_COMPANY, "Bad \xff\xfe bytes");
    g_assert_cmpint (nb_store_add_person (store, person, &error), ==, 0);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);

    nb_person_set_field (person, NB_PERSON_COMPANY, "");
    nb_person_set_tags (person, bad_tags);
    g_assert_cmpint (nb_store_add_person (store, person, &error), ==, 0);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);

    nb_person_set_tags (person, NULL);
    nb_person_set_introduced_by (person, 999);
    g_assert_cmpint (nb_store_add_person (store, person, &error), ==, 0);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);

    nb_person_set_introduced_by (person, 0);
    id = nb_store_add_person (store, person, &error);
    g_assert_no_error (error);

    nb_person_set_introduced_by (person, id);
    g_assert_false (nb_store_update_person (store, person, &error));
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Nothing refused was stored. */
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 1);
}

static guint
count_people (NbStore    *store,
              const char *tag,
              gboolean    archived)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = nb_store_list_people (store, tag, archived, &error);
  g_assert_no_error (error);

  return people->len;
}

static void
test_archive_and_tags (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(NbPerson) maria = NULL;

  test_fill_sample (store);
  g_assert_cmpuint (count_people (store, NULL, FALSE), ==, 3);
  g_assert_cmpuint (count_people (store, "design", FALSE), ==, 1);
  g_assert_cmpuint (count_people (store, "nothing", TRUE), ==, 0);

  g_assert_true (nb_store_set_person_archived (store, 1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (store, NULL, FALSE), ==, 2);
  g_assert_cmpuint (count_people (store, NULL, TRUE), ==, 3);
  g_assert_cmpuint (count_people (store, "design", FALSE), ==, 0);
  g_assert_cmpuint (count_people (store, "design", TRUE), ==, 1);

  maria = nb_store_get_person (store, 1, &error);
  g_assert_no_error (error);
  g_assert_true (nb_person_get_archived (maria));

  g_assert_true (nb_store_set_person_archived (store, 1, FALSE, &error));
  g_assert_cmpuint (count_people (store, NULL, FALSE), ==, 3);

  g_assert_false (nb_store_set_person_archived (store, 77, TRUE, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  tags = nb_store_list_tags (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "chamber");
  g_assert_cmpstr (tags[1], ==, "design");

  /* A deleted person's tags are not in use. */
  nb_store_delete_person (store, 1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&tags, g_strfreev);
  tags = nb_store_list_tags (store, &error);
  g_assert_cmpuint (g_strv_length (tags), ==, 0);

  /* A tag in use by someone after a deleted person is. */
  {
    const char *design[] = { "design", NULL };
    g_autoptr(NbPerson) later = nb_person_new ("Later Person");

    nb_person_set_tags (later, design);
    g_assert_cmpint (nb_store_add_person (store, later, &error), >, 1);
    g_assert_no_error (error);
  }
  g_clear_pointer (&tags, g_strfreev);
  tags = nb_store_list_tags (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 1);
  g_assert_cmpstr (tags[0], ==, "design");
}

static void
test_delete_undelete_purge (void)
{
  g_autofree char *path = test_scratch_path ("delete.db");
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada;
  gint64 bob;

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  ada = test_add_person (store, "Ada", "", "");
  bob = test_add_person (store, "Bob", "", "");
  test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-01-01", "first");
  test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-01-02", "second");

  g_assert_true (nb_store_delete_person (store, ada, &error));
  g_assert_no_error (error);
  person = nb_store_get_person (store, ada, &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_people (store, NULL, TRUE), ==, 1);

  /* Deleting twice is an error, undoing twice is not. */
  g_assert_false (nb_store_delete_person (store, ada, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  entries = nb_store_list_entries (store, ada, &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (nb_store_undelete_person (store, ada, &error));
  g_assert_no_error (error);
  g_assert_true (nb_store_undelete_person (store, ada, &error));
  g_assert_no_error (error);
  g_assert_false (nb_store_undelete_person (store, 999, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  entries = nb_store_list_entries (store, ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  /* Purge: gone for good, with the entries. */
  g_assert_true (nb_store_delete_person (store, ada, &error));
  g_assert_true (nb_store_purge_deleted (store, &error));
  g_assert_no_error (error);
  g_assert_false (nb_store_undelete_person (store, ada, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM entries"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM search"), ==, 1);

  /* What a session deleted is purged when the next one opens, and the
   * introduction it made is forgotten (ON DELETE SET NULL). */
  {
    g_autoptr(NbPerson) carol = nb_person_new ("Carol");

    nb_person_set_introduced_by (carol, bob);
    nb_store_add_person (store, carol, &error);
    g_assert_no_error (error);
  }
  g_assert_true (nb_store_delete_person (store, bob, &error));
  g_clear_object (&store);

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 1);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"
                                               " WHERE introduced_by IS NOT NULL"), ==, 0);
}

static void
test_summaries (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(NbPerson) one = NULL;
  g_autoptr(NbEntry) intro = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada;
  gint64 bob;

  g_setenv ("NETBOOK_TODAY", "2024-06-15", TRUE);

  ada = test_add_person (store, "Ada", "", "");
  bob = test_add_person (store, "Bob", "", "");
  test_add_entry (store, NB_ENTRY_CONVERSATION, ada, "2024-03-01", "talked");
  test_add_entry (store, NB_ENTRY_NEED, ada, "2024-05-01", "needs do not count as contact");
  test_add_entry (store, NB_ENTRY_MEETING, ada, "2024-09-01", "a future meeting is not contact yet");
  test_add_entry (store, NB_ENTRY_FOLLOW_UP, ada, "2024-06-01", "overdue");
  test_add_entry (store, NB_ENTRY_FOLLOW_UP, ada, "2024-06-15", "due today");
  test_add_entry (store, NB_ENTRY_FOLLOW_UP, ada, "2024-07-01", "not yet due");

  intro = nb_entry_new (NB_ENTRY_INTRODUCTION, ada, "2024-06-10", "Ada meets Bob");
  nb_entry_set_other_person_id (intro, bob);
  nb_store_add_entry (store, intro, &error);
  g_assert_no_error (error);

  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (nb_person_get_display_name (g_ptr_array_index (people, 0)), ==, "Ada");
  g_assert_cmpstr (nb_person_get_last_contact (g_ptr_array_index (people, 0)), ==, "2024-06-15");
  g_assert_cmpuint (nb_person_get_due_followups (g_ptr_array_index (people, 0)), ==, 2);
  g_assert_cmpstr (nb_person_get_last_contact (g_ptr_array_index (people, 1)), ==, "2024-06-10");
  g_assert_cmpuint (nb_person_get_due_followups (g_ptr_array_index (people, 1)), ==, 0);

  /* The same from a single load. */
  one = nb_store_get_person (store, ada, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_person_get_last_contact (one), ==, "2024-06-15");
  g_assert_cmpuint (nb_person_get_due_followups (one), ==, 2);

  /* The card alone: no summary, trust or photo read. */
  {
    g_autoptr(NbPerson) card = nb_store_get_person_card (store, ada, &error);
    g_autoptr(NbPerson) missing = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (nb_person_get_display_name (card), ==, "Ada");
    g_assert_cmpstr (nb_person_get_last_contact (card), ==, "");
    g_assert_cmpuint (nb_person_get_due_followups (card), ==, 0);
    g_assert_false (nb_person_get_photo_known (card));

    missing = nb_store_get_person_card (store, 9999, &error);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
    g_assert_null (missing);
    g_clear_error (&error);
  }

  /* A single person has the exact stage and trust score too. */
  {
    g_autoptr(NbTrust) trust = nb_store_compute_trust (store, ada, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (nb_person_get_stage (one), ==, nb_trust_get_stage (trust));
    g_assert_cmpuint (nb_person_get_trust_score (one), ==, nb_trust_get_score (trust, NB_DIMENSION_TRUST));
  }

  g_unsetenv ("NETBOOK_TODAY");
}

static void
test_sorted_by_sort_key (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Zoë Ångström", "anna Zed", "Émile Bernard", "Bob" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    test_add_person (store, names[i], "", "");

  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < people->len; i++)
    {
      g_autofree char *a = nb_person_dup_sort_key (g_ptr_array_index (people, i - 1));
      g_autofree char *b = nb_person_dup_sort_key (g_ptr_array_index (people, i));

      g_assert_cmpint (strcmp (a, b), <=, 0);
    }
}

static void
assert_resolves (NbStore    *store,
                 const char *spec,
                 const char *expected)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  person = nb_store_resolve_person (store, spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_person_get_display_name (person), ==, expected);
}

static void
assert_unresolved (NbStore    *store,
                   const char *spec,
                   int         code,
                   guint       n_candidates)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;

  person = nb_store_resolve_person (store, spec, &candidates, &error);
  g_assert_null (person);
  g_assert_error (error, NB_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  if (n_candidates == 0)
    g_assert_null (candidates);
  else
    g_assert_cmpuint (candidates->len, ==, n_candidates);
}

static void
test_resolve (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id_spec = NULL;
  gint64 gone;

  test_fill_sample (store);
  test_add_person (store, "Ann Lee", "", "");
  test_add_person (store, "Annabelle Smith", "", "");
  test_add_person (store, "Jean-Luc Picard", "", "");
  gone = test_add_person (store, "Annika Gone", "", "");
  nb_store_delete_person (store, gone, &error);
  g_assert_no_error (error);

  assert_resolves (store, "1", "Maria Rossi");
  assert_resolves (store, " 3 ", "Zoë Ångström");
  assert_resolves (store, "zoe angstrom", "Zoë Ångström");
  assert_resolves (store, "ZOË   ÅNGSTRÖM", "Zoë Ångström");
  assert_resolves (store, "maria", "Maria Rossi");
  assert_resolves (store, "ross", "Maria Rossi");
  assert_resolves (store, "m r", "Maria Rossi");
  assert_resolves (store, "annab", "Annabelle Smith");
  assert_resolves (store, "ann lee", "Ann Lee");
  assert_resolves (store, "luc", "Jean-Luc Picard");
  assert_resolves (store, "tom o'brien", "Tom O'Brien");

  assert_unresolved (store, "ann", NB_STORE_ERROR_AMBIGUOUS, 2);
  assert_unresolved (store, "a", NB_STORE_ERROR_AMBIGUOUS, 3);
  assert_unresolved (store, "nobody", NB_STORE_ERROR_NOT_FOUND, 0);
  assert_unresolved (store, "annika", NB_STORE_ERROR_NOT_FOUND, 0);
  assert_unresolved (store, "", NB_STORE_ERROR_NOT_FOUND, 0);
  assert_unresolved (store, "   ", NB_STORE_ERROR_NOT_FOUND, 0);
  id_spec = g_strdup_printf ("%" G_GINT64_FORMAT, gone);
  assert_unresolved (store, id_spec, NB_STORE_ERROR_NOT_FOUND, 0);
  assert_unresolved (store, "'; DROP TABLE people;--", NB_STORE_ERROR_NOT_FOUND, 0);
  assert_unresolved (store, "%", NB_STORE_ERROR_NOT_FOUND, 0);
}

static gboolean
fill_many (NbStore   *store,
           gpointer   user_data,
           GError   **error)
{
  const char *given[] = { "Ada", "Bob", "Carla", "Dinesh", "Émile", "Fatima", "Günther", "Hana" };
  const char *family[] = { "Rossi", "Ångström", "O'Brien", "Nakamura", "Okafor", "Silva" };
  guint n = GPOINTER_TO_UINT (user_data);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbPerson) person = NULL;
      g_autofree char *name = g_strdup_printf ("%s %s %u", given[i % G_N_ELEMENTS (given)],
                                               family[i % G_N_ELEMENTS (family)], i);
      const char *tags[] = { i % 3 ? "chamber" : "bni", NULL };
      gint64 id;

      person = nb_person_new (name);
      nb_person_set_field (person, NB_PERSON_COMPANY, "Some Company");
      nb_person_set_field (person, NB_PERSON_ROLE, "Some role");
      nb_person_set_tags (person, tags);
      id = nb_store_add_person (store, person, error);
      if (id == 0)
        return FALSE;

      test_add_entry (store, NB_ENTRY_CONVERSATION, id, "2024-01-01", "coffee");
      test_add_entry (store, NB_ENTRY_NOTE, id, "2024-02-01", "likes sailing");
      if (i % 4 == 0)
        test_add_entry (store, NB_ENTRY_FOLLOW_UP, id, "2024-03-01", "send the brochure");
    }

  return TRUE;
}

/* CPU time of this thread, in ms: other processes' load does not count. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1000000.0;
}

/* The people list, search and the people model of a large notebook are
 * complete and right. Their times are reported, never asserted (a
 * loaded machine would fail them): netbook-bench measures the speed. */
static void
test_ten_thousand (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double best_ms;
  guint n = 10000;

  /* Sanitizers make everything many times slower: fewer people. */
#if defined(__SANITIZE_ADDRESS__)
  n = 2000;
#endif

  start = g_get_monotonic_time ();
  nb_store_transaction (store, fill_many, GUINT_TO_POINTER (n), &error);
  g_assert_no_error (error);
  g_test_message ("filled in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  best_ms = G_MAXDOUBLE;
  for (guint run = 0; run < 3; run++)
    {
      double start_ms = cpu_ms ();

      g_clear_pointer (&people, g_ptr_array_unref);
      people = nb_store_list_people (store, NULL, TRUE, &error);
      best_ms = MIN (best_ms, cpu_ms () - start_ms);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (people->len, ==, n);
  g_test_message ("nb_store_list_people: %u people in %.1f ms (best of 3)", n, best_ms);
  /* Follow-ups count as contact: person 0 has one. */
  g_assert_cmpstr (nb_person_get_last_contact (g_ptr_array_index (people, 0)), ==, "2024-03-01");

  /* Search as one types: every person matches. */
  {
    g_autoptr(GPtrArray) hits = NULL;
    double start_ms = cpu_ms ();

    hits = nb_store_search (store, "sailing", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, n);
    g_test_message ("search with %u hits: %.1f ms", hits->len, cpu_ms () - start_ms);
  }

  {
    double start_ms = cpu_ms ();

    model = nb_store_get_people_model (store);
    best_ms = cpu_ms () - start_ms;
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_test_message ("people model: %.1f ms", best_ms);
}

/* The list summaries (everyone at once, or a statement per person for a
 * few) agree with each person's page, which reads the whole timeline:
 * introductions count on both sides unless their own person is deleted,
 * dreams, challenges, needs and entries after today do not, and only
 * open follow-ups due by today are due. Goodwill counts the same kinds
 * as before. */
static void
test_list_summaries (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GPtrArray) tagged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *today = nb_date_today_iso ();
  gint64 ids[40];
  guint given = 0, received = 0, expect_given = 0, expect_received = 0;
  gint64 deleted_id;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %02u", i);

      ids[i] = test_add_person (store, name, "", "");
    }

  for (guint i = 0; i < 400; i++)
    {
      NbEntryKind kind = (NbEntryKind) g_rand_int_range (rand, 0, NB_N_ENTRY_KINDS);
      gint64 person = ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (ids))];
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) when = g_date_time_add_days (now, g_rand_int_range (rand, -400, 30));
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
      g_autoptr(NbEntry) entry = nb_entry_new (kind, person, date, "Something");

      if (kind == NB_ENTRY_INTRODUCTION)
        {
          gint64 other = ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (ids))];

          if (other == person)
            continue;
          nb_entry_set_other_person_id (entry, other);
        }
      if (kind == NB_ENTRY_FOLLOW_UP)
        {
          nb_entry_set_due (entry, date);
          nb_entry_set_status (entry, g_rand_boolean (rand) ? NB_STATUS_OPEN : NB_STATUS_DONE);
        }
      if (kind == NB_ENTRY_DREAM || kind == NB_ENTRY_CHALLENGE || kind == NB_ENTRY_NEED)
        nb_entry_set_status (entry, NB_STATUS_OPEN);

      nb_store_add_entry (store, entry, &error);
      g_assert_no_error (error);

      if (person != ids[0])
        {
          if (kind == NB_ENTRY_HELP_GIVEN || kind == NB_ENTRY_REFERRAL_GIVEN || kind == NB_ENTRY_INTRODUCTION)
            expect_given++;
          if (kind == NB_ENTRY_HELP_RECEIVED || kind == NB_ENTRY_REFERRAL_RECEIVED)
            expect_received++;
        }
    }

  /* Deleted (undoable): their introductions no longer count for others. */
  deleted_id = ids[0];
  nb_store_delete_person (store, deleted_id, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < G_N_ELEMENTS (ids); i += 7)
    {
      g_autoptr(NbPerson) person = nb_store_get_person (store, ids[i], &error);
      const char * const tags[] = { "few", NULL };

      g_assert_no_error (error);
      nb_person_set_tags (person, tags);
      nb_store_update_person (store, person, &error);
      g_assert_no_error (error);
    }

  everyone = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (everyone->len, ==, G_N_ELEMENTS (ids) - 1);
  tagged = nb_store_list_people (store, "few", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tagged->len, >, 0);
  g_assert_cmpuint (tagged->len * 2, <=, everyone->len);

  for (guint list = 0; list < 2; list++)
    {
      GPtrArray *people = list == 0 ? everyone : tagged;

      for (guint i = 0; i < people->len; i++)
        {
          NbPerson *listed = g_ptr_array_index (people, i);
          g_autoptr(NbPerson) page = nb_store_get_person (store, nb_person_get_id (listed), &error);

          g_assert_no_error (error);
          g_assert_cmpstr (nb_person_get_last_contact (listed), ==, nb_person_get_last_contact (page));
          g_assert_cmpuint (nb_person_get_due_followups (listed), ==, nb_person_get_due_followups (page));
          g_assert_cmpstr (nb_person_get_last_contact (listed), <=, today);
        }
    }

  nb_store_get_goodwill (store, &given, &received, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (given, ==, expect_given);
  g_assert_cmpuint (received, ==, expect_received);
}

/* A random entry of @kind for one of @ids, dated within a year back
 * or a month ahead (NULL when an introduction drew the same person). */
static NbEntry *
random_entry (GRand        *rand,
              const gint64 *ids,
              guint         n_ids,
              NbEntryKind   kind)
{
  gint64 person = ids[g_rand_int_range (rand, 0, n_ids)];
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_add_days (now, g_rand_int_range (rand, -400, 30));
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
  g_autoptr(NbEntry) entry = nb_entry_new (kind, person, date, "Something");

  if (kind == NB_ENTRY_INTRODUCTION)
    {
      gint64 other = ids[g_rand_int_range (rand, 0, n_ids)];

      if (other == person)
        return NULL;
      nb_entry_set_other_person_id (entry, other);
    }
  if (kind == NB_ENTRY_FOLLOW_UP)
    nb_entry_set_due (entry, date);
  if (kind == NB_ENTRY_DREAM || kind == NB_ENTRY_CHALLENGE || kind == NB_ENTRY_NEED)
    nb_entry_set_status (entry, NB_STATUS_OPEN);

  return g_steal_pointer (&entry);
}

/* Every way an entry or a person changes keeps contact_dates (schema
 * version 5) exact, and the summaries read from it equal the person
 * page's, which reads the timeline: entries added, moved to another
 * date or person, deleted and restored; people deleted (their
 * introductions stop counting for others), restored and purged. */
static void
test_contact_dates (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *today = nb_date_today_iso ();
  gint64 ids[12];
  gint64 introducer;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %02u", i);

      ids[i] = test_add_person (store, name, "", "");
    }
  test_assert_contact_dates_exact (store->db);

  for (guint step = 0; step < 300; step++)
    {
      guint what = g_rand_int_range (rand, 0, 10);

      if (what < 5 || entries->len == 0)
        {
          NbEntryKind kind = (NbEntryKind) g_rand_int_range (rand, 0, NB_N_ENTRY_KINDS);
          g_autoptr(NbEntry) entry = random_entry (rand, ids, G_N_ELEMENTS (ids), kind);
          gint64 id;

          if (entry == NULL)
            continue;
          id = nb_store_add_entry (store, entry, &error);
          g_assert_no_error (error);
          g_array_append_val (entries, id);
        }
      else
        {
          gint64 id = g_array_index (entries, gint64, g_rand_int_range (rand, 0, entries->len));
          g_autoptr(NbEntry) entry = nb_store_get_entry (store, id, &error);

          if (entry == NULL)
            {
              /* Purged with its person. */
              g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
              g_clear_error (&error);
              continue;
            }
          g_assert_no_error (error);

          if (what == 5)
            {
              g_autoptr(NbEntry) moved = random_entry (rand, ids, G_N_ELEMENTS (ids), nb_entry_get_kind (entry));

              if (moved == NULL)
                continue;
              nb_entry_set_date (entry, nb_entry_get_date (moved));
              if (nb_entry_get_kind (entry) == NB_ENTRY_FOLLOW_UP)
                nb_entry_set_due (entry, nb_entry_get_date (moved));
              if (g_rand_boolean (rand) && nb_entry_get_kind (entry) != NB_ENTRY_INTRODUCTION)
                nb_entry_set_person_id (entry, nb_entry_get_person_id (moved));
              nb_store_update_entry (store, entry, &error);
            }
          else if (what == 6)
            {
              nb_store_delete_entry (store, id, &error);
            }
          else if (what == 7)
            {
              nb_store_undelete_entry (store, id, &error);
            }
          else if (what == 8)
            {
              gint64 person = ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (ids))];

              if (nb_store_delete_person (store, person, &error))
                nb_store_undelete_person (store, person, &error);
            }
          else
            {
              /* Text only: nothing to read again. */
              nb_entry_set_text (entry, "Something else");
              nb_store_update_entry (store, entry, &error);
            }
          if (error != NULL && g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
            g_clear_error (&error);
          g_assert_no_error (error);
        }

      test_assert_contact_dates_exact (store->db);
    }

  /* Someone who introduced others, deleted: their introductions stop
   * counting for the others, and count again once restored. */
  introducer = test_sqlite_int (store->db, "SELECT person_id FROM entries"
                                           " WHERE kind = 'introduction' AND deleted = 0 LIMIT 1");
  g_assert_cmpint (introducer, >, 0);
  nb_store_delete_person (store, introducer, &error);
  g_assert_no_error (error);
  test_assert_contact_dates_exact (store->db);

  {
    g_autoptr(GPtrArray) people = nb_store_list_people (store, NULL, TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (ids) - 1);
    for (guint i = 0; i < people->len; i++)
      {
        NbPerson *listed = g_ptr_array_index (people, i);
        g_autoptr(NbPerson) page = nb_store_get_person (store, nb_person_get_id (listed), &error);

        g_assert_no_error (error);
        g_assert_cmpstr (nb_person_get_last_contact (listed), ==, nb_person_get_last_contact (page));
        g_assert_cmpstr (nb_person_get_last_contact (listed), <=, today);
      }
  }

  nb_store_undelete_person (store, introducer, &error);
  g_assert_no_error (error);
  test_assert_contact_dates_exact (store->db);

  /* Deleted for good: their row goes, and the others' follow. */
  nb_store_delete_person (store, introducer, &error);
  g_assert_no_error (error);
  nb_store_purge_deleted (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, G_N_ELEMENTS (ids) - 1);
  test_assert_contact_dates_exact (store->db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/people/crud", test_crud);
  g_test_add_func ("/store/people/invalid", test_invalid);
  g_test_add_func ("/store/people/archive-and-tags", test_archive_and_tags);
  g_test_add_func ("/store/people/delete-undelete-purge", test_delete_undelete_purge);
  g_test_add_func ("/store/people/summaries", test_summaries);
  g_test_add_func ("/store/people/sorted", test_sorted_by_sort_key);
  g_test_add_func ("/store/people/resolve", test_resolve);
  g_test_add_func ("/store/people/ten-thousand", test_ten_thousand);
  g_test_add_func ("/store/people/list-summaries", test_list_summaries);
  g_test_add_func ("/store/people/contact-dates", test_contact_dates);

  return g_test_run ();
}
