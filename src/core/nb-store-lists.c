/* nb-store-lists.c: lists of people, and finding a person by name.
 *
 * Summaries in lists (nb_store_list_people() and the other lists of
 * people): the last contact and the number of due follow-ups come from
 * one pass over the entries, so that 10,000 people load in a few tens of
 * milliseconds. Stage and trust score need each person's whole timeline
 * and nb_trust_compute(), which would triple that: lists leave them at
 * their defaults (visibility, 0). A single person (nb_store_get_person(),
 * nb_store_resolve_person(), search hits) gets the exact ones, and the
 * people model fills them in at idle priority after it has loaded (see
 * nb-store-models.c). A cheap approximation that disagreed with the
 * person's page would be worse than a number that comes a moment later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-store-private.h"

/* Up to this many people, each one's due follow-ups are counted on
 * their own rather than by a read of all those due. */
#define FEW_FOLLOWUP_LOOKUPS 256

static gboolean
fill_tags (NbStore    *self,
           GHashTable *by_id,
           GError    **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  NbPerson *current = NULL;
  int rc;

  stmt = _nb_store_prepare (self, NB_STMT_PEOPLE_TAGS,
                            "SELECT person_id, tag FROM tags ORDER BY person_id, tag",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      NbPerson *person = g_hash_table_lookup (by_id, &id);

      if (person != current && current != NULL)
        {
          g_auto(GStrv) tags = g_strv_builder_end (builder);

          nb_person_set_tags (current, (const char * const *) tags);
          g_clear_pointer (&builder, g_strv_builder_unref);
        }

      if (person != current)
        {
          current = person;
          if (current != NULL)
            builder = g_strv_builder_new ();
        }

      if (current != NULL)
        g_strv_builder_add (builder, _nb_column_text (stmt, 1));
    }

  if (rc == -1)
    return FALSE;

  if (current != NULL)
    {
      g_auto(GStrv) tags = g_strv_builder_end (builder);

      nb_person_set_tags (current, (const char * const *) tags);
    }

  return TRUE;
}

/* Last contacts come from contact_dates, kept by triggers (schema
 * version 5; see NB_STORE_SQL_OWN_CONTACT in nb-store-private.h). */

/* Open follow-ups due by @today_iso, counted per person in @due: a
 * range of the open follow-ups' index. */
static gboolean
count_due_followups (NbStore     *self,
                     GHashTable  *by_id,
                     GHashTable  *due,
                     const char  *today_iso,
                     GError     **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  int rc;

  stmt = _nb_store_prepare (self, NB_STMT_DUE_FOLLOWUPS,
                            "SELECT e.person_id FROM entries e"
                            " WHERE e.kind = 'follow-up' AND e.status = 'open' AND e.due <= ?1"
                            "   AND e.deleted = 0",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, today_iso, -1, SQLITE_STATIC);
  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      NbPerson *person = g_hash_table_lookup (by_id, &id);

      if (person != NULL)
        g_hash_table_insert (due, person,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (due, person)) + 1));
    }

  return rc != -1;
}

static const char *
later_date (const char *a,
            const char *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  return strcmp (a, b) >= 0 ? a : b;
}

/* Everyone's last contact in one statement: for most of the notebook
 * (the people list), cheaper than a statement per person. */
static gboolean
fill_summaries_for_everyone (NbStore     *self,
                             GHashTable  *by_id,
                             GHashTable  *due,
                             const char  *today_iso,
                             guint       *n_filled,
                             GError     **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  int rc;

  *n_filled = 0;

  stmt = _nb_store_prepare (self, NB_STMT_PEOPLE_SUMMARIES, NB_STORE_SQL_PEOPLE_SUMMARIES, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 2, today_iso, -1, SQLITE_STATIC);
  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      NbPerson *person = g_hash_table_lookup (by_id, &id);

      if (person == NULL)
        continue;

      (*n_filled)++;
      nb_person_set_summary (person,
                             later_date ((const char *) sqlite3_column_text (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2)),
                             GPOINTER_TO_UINT (g_hash_table_lookup (due, person)),
                             NB_STAGE_VISIBILITY, 0);
    }

  return rc != -1;
}

/* Open follow-ups of person ?1 due by ?2: their own entries through
 * entries_live, which holds the kind, and a row each for the few
 * follow-ups among them. */
#define DUE_FOLLOWUPS(person, today) \
  "(SELECT count (*) FROM entries e" \
  "  WHERE e.person_id = " person " AND e.deleted = 0 AND e.kind = 'follow-up'" \
  "    AND e.status = 'open' AND e.due <= " today ")"

/* Person ?1's last contacts up to ?2, a row whether or not they have
 * any (or are there at all). */
#define PERSON_CONTACTS \
  NB_STORE_SQL_OWN_CONTACT ("c", "p.id", "?2") ", " NB_STORE_SQL_OTHER_CONTACT ("c", "p.id", "?2")
#define ONE_PERSON \
  "(SELECT ?1 AS id) p LEFT JOIN contact_dates c ON c.person_id = p.id"

/* The same numbers, a statement per person: for a few of them. Their
 * due follow-ups from @due, or counted here if it is NULL. */
static gboolean
fill_summaries_by_lookup (NbStore     *self,
                          GPtrArray   *people,
                          GHashTable  *due,
                          const char  *today_iso,
                          GError     **error)
{
  for (guint i = 0; i < people->len; i++)
    {
      NbPerson *person = g_ptr_array_index (people, i);
      g_autoptr(NbStmt) stmt = NULL;
      guint n_due;

      if (due != NULL)
        stmt = _nb_store_prepare (self, NB_STMT_PERSON_SUMMARY,
                                  "SELECT " PERSON_CONTACTS
                                  " FROM " ONE_PERSON,
                                  error);
      else
        stmt = _nb_store_prepare (self, NB_STMT_PERSON_SUMMARY_DUE,
                                  "SELECT " PERSON_CONTACTS ", "
                                  DUE_FOLLOWUPS ("?1", "?2")
                                  " FROM " ONE_PERSON,
                                  error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, nb_person_get_id (person));
      sqlite3_bind_text (stmt, 2, today_iso, -1, SQLITE_STATIC);
      if (_nb_store_step (self, stmt, error) != SQLITE_ROW)
        return FALSE;

      n_due = due != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (due, person))
                          : (guint) sqlite3_column_int (stmt, 2);
      nb_person_set_summary (person,
                             later_date ((const char *) sqlite3_column_text (stmt, 0),
                                         (const char *) sqlite3_column_text (stmt, 1)),
                             n_due, NB_STAGE_VISIBILITY, 0);
    }

  return TRUE;
}

/* TRUE when @n_people are at most half of everyone (archived included)
 * that the statement for everyone reads. */
static gboolean
few_of_everyone (NbStore  *self,
                 guint     n_people,
                 gboolean *few,
                 GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  stmt = _nb_store_prepare (self, NB_STMT_PEOPLE_COUNT, NB_STORE_SQL_PEOPLE_COUNT, error);
  if (stmt == NULL || _nb_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;

  *few = (gint64) n_people * 2 <= sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static GHashTable *
index_people (GPtrArray *people)
{
  GHashTable *by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < people->len; i++)
    {
      NbPerson *person = g_ptr_array_index (people, i);
      gint64 id = nb_person_get_id (person);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), person);
    }

  return by_id;
}

static gboolean
fill_summaries (NbStore     *self,
                GPtrArray   *people,
                GHashTable  *by_id,
                const char  *today_iso,
                GError     **error)
{
  g_autoptr(GHashTable) due = NULL;
  gboolean few = FALSE;
  guint n_filled = 0;

  if (people->len == 0)
    return TRUE;

  /* A screenful of people: their own follow-ups, not a read of every
   * one due in the notebook. */
  if (people->len <= FEW_FOLLOWUP_LOOKUPS)
    return fill_summaries_by_lookup (self, people, NULL, today_iso, error);

  due = g_hash_table_new (NULL, NULL);
  if (!count_due_followups (self, by_id, due, today_iso, error) ||
      !few_of_everyone (self, people->len, &few, error))
    return FALSE;

  if (few)
    return fill_summaries_by_lookup (self, people, due, today_iso, error);

  if (!fill_summaries_for_everyone (self, by_id, due, today_iso, &n_filled, error))
    return FALSE;

  /* Someone the statement did not see (deleted meanwhile, or listed
   * twice): each of them gets the numbers their own way. */
  if (n_filled != people->len)
    return fill_summaries_by_lookup (self, people, due, today_iso, error);

  return TRUE;
}

gboolean
_nb_store_fill_summaries (NbStore     *self,
                          GPtrArray   *people,
                          const char  *today_iso,
                          GError     **error)
{
  g_autoptr(GHashTable) by_id = index_people (people);

  return fill_summaries (self, people, by_id, today_iso, error);
}

/* The tags of a few people (the agenda's lists), each by the tags' key,
 * not every tag of the notebook. */
static gboolean
fill_tags_by_lookup (NbStore    *self,
                     GPtrArray  *people,
                     GError    **error)
{
  for (guint i = 0; i < people->len; i++)
    {
      if (!_nb_store_load_tags (self, g_ptr_array_index (people, i), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_nb_store_fill_tags_and_summaries (NbStore     *self,
                                   GPtrArray   *people,
                                   const char  *today_iso,
                                   GError     **error)
{
  g_autoptr(GHashTable) by_id = index_people (people);
  gboolean few = FALSE;

  if (people->len == 0)
    return TRUE;

  /* A few of everyone (the agenda's lists): their own tags by the
   * tags' key, not every tag of the notebook. */
  if (!few_of_everyone (self, people->len, &few, error))
    return FALSE;

  if (few)
    {
      if (!fill_tags_by_lookup (self, people, error))
        return FALSE;
    }
  else if (!fill_tags (self, by_id, error))
    {
      return FALSE;
    }

  return fill_summaries (self, people, by_id, today_iso, error);
}

/* nb_store_list_people(), with the list summaries if @with_summaries;
 * the first @limit people only if it is not negative. */
static GPtrArray *
list_people (NbStore     *self,
             const char  *tag,
             gboolean     include_archived,
             gboolean     with_summaries,
             gint64       limit,
             GError     **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(NbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *today = nb_date_today_iso ();
  int rc;

  if (!_nb_store_begin (self, FALSE, error))
    return NULL;

  if (self->stmts[NB_STMT_PEOPLE_LIST] == NULL)
    sql = g_strdup_printf ("SELECT p.id, %s, " NB_STORE_PERSON_TAIL " FROM people p "
                           "WHERE p.deleted = 0 AND (?1 OR p.archived = 0) "
                           "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM tags t "
                           "                           WHERE t.person_id = p.id AND t.tag = ?2)) "
                           "ORDER BY p.sort_key, p.id LIMIT ?3",
                           self->person_columns);
  stmt = _nb_store_prepare (self, NB_STMT_PEOPLE_LIST, sql, error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int (stmt, 1, include_archived ? 1 : 0);
  if (tag != NULL)
    sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_STATIC);
  /* A negative LIMIT is none. */
  sqlite3_bind_int64 (stmt, 3, limit);

  people = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (people, _nb_store_person_from_row (self, stmt, 0));
  g_clear_pointer (&stmt, _nb_stmt_release);

  if (rc == -1)
    goto failed;

  if (with_summaries)
    {
      if (!_nb_store_fill_tags_and_summaries (self, people, today, error))
        goto failed;
    }
  else
    {
      g_autoptr(GHashTable) by_id = index_people (people);

      if (!fill_tags (self, by_id, error))
        goto failed;
    }

  if (!_nb_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&people);

failed:
  _nb_store_rollback (self);
  return NULL;
}

GPtrArray *
nb_store_list_people (NbStore     *self,
                      const char  *tag,
                      gboolean     include_archived,
                      GError     **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_people (self, tag, include_archived, TRUE, -1, error);
}

GPtrArray *
_nb_store_list_people_upto (NbStore  *self,
                            gint64    limit,
                            GError  **error)
{
  GPtrArray *people;

  if (limit >= 0)
    return list_people (self, NULL, TRUE, TRUE, limit, error);

  _nb_store_set_cache_kib (self, NB_STORE_BULK_CACHE_KIB);
  people = list_people (self, NULL, TRUE, TRUE, limit, error);
  _nb_store_set_cache_kib (self, 0);

  return people;
}

GPtrArray *
_nb_store_list_cards (NbStore  *self,
                      GError  **error)
{
  return list_people (self, NULL, TRUE, FALSE, -1, error);
}

GStrv
nb_store_list_tags (NbStore  *self,
                    GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Each tag once, with a look for one person not deleted who has it:
   * joining every tag row to its person read the whole people table
   * (2.6 MiB of pages at 10,000 people, for the filter menu at
   * start-up). */
  stmt = _nb_store_prepare (self, NB_STMT_TAGS_LIST,
                            "SELECT t.tag FROM (SELECT DISTINCT tag FROM tags) t "
                            "WHERE EXISTS (SELECT 1 FROM tags u JOIN people p ON p.id = u.person_id "
                            "              WHERE u.tag = t.tag AND p.deleted = 0) "
                            "ORDER BY t.tag",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (builder, _nb_column_text (stmt, 0));

  if (rc == -1)
    return NULL;

  return g_strv_builder_end (builder);
}

GStrv
_nb_split_words (const char *folded)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return g_strv_builder_end (builder);
}

/* Every word of @spec starts a different word of @name. */
static gboolean
words_match (const char * const *spec,
             const char * const *name)
{
  guint n_name = g_strv_length ((char **) name);
  g_autofree gboolean *used = g_new0 (gboolean, n_name + 1);

  for (guint i = 0; spec[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n_name && !found; j++)
        {
          if (!used[j] && g_str_has_prefix (name[j], spec[i]))
            {
              used[j] = TRUE;
              found = TRUE;
            }
        }

      if (!found)
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
_nb_store_find_by_name (NbStore     *self,
                        const char  *folded,
                        gboolean     exact,
                        GError     **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) spec_words = _nb_split_words (folded);
  g_autofree char *sql = NULL;
  int rc;

  if (!exact && spec_words[0] == NULL)
    return g_steal_pointer (&found);

  /* One statement for both: exact compares the whole folded name, the
   * other narrows to names containing the first word, then checks word
   * starts here. */
  if (self->stmts[NB_STMT_PEOPLE_BY_NAME] == NULL)
    sql = g_strdup_printf ("SELECT id, %s, " NB_STORE_PERSON_TAIL ", folded_name FROM people "
                           "WHERE deleted = 0 AND (CASE WHEN ?1 THEN folded_name = ?2 "
                           "                            ELSE instr (folded_name, ?2) > 0 END) "
                           "ORDER BY sort_key, id",
                           self->person_columns);
  stmt = _nb_store_prepare (self, NB_STMT_PEOPLE_BY_NAME, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, exact ? 1 : 0);
  sqlite3_bind_text (stmt, 2, exact ? folded : spec_words[0], -1, SQLITE_STATIC);

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      if (!exact)
        {
          g_auto(GStrv) name_words = _nb_split_words (_nb_column_text (stmt, 1 + NB_PERSON_N_FIELDS + 7));

          if (!words_match ((const char * const *) spec_words, (const char * const *) name_words))
            continue;
        }

      g_ptr_array_add (found, _nb_store_person_from_row (self, stmt, 0));
    }

  if (rc == -1)
    return NULL;

  return g_steal_pointer (&found);
}

GArray *
_nb_store_find_ids_by_name (NbStore     *self,
                            const char  *folded,
                            GError     **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) spec_words = _nb_split_words (folded);
  int rc;

  if (spec_words[0] == NULL)
    return g_steal_pointer (&ids);

  stmt = _nb_store_prepare (self, NB_STMT_PEOPLE_IDS_BY_NAME,
                            "SELECT id, folded_name FROM people"
                            " WHERE deleted = 0 AND instr (folded_name, ?1) > 0"
                            " ORDER BY sort_key, id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, spec_words[0], -1, SQLITE_STATIC);
  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_auto(GStrv) name_words = _nb_split_words (_nb_column_text (stmt, 1));
      gint64 id;

      if (!words_match ((const char * const *) spec_words, (const char * const *) name_words))
        continue;

      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc == -1)
    return NULL;

  return g_steal_pointer (&ids);
}

static void
set_ambiguous (GError     **error,
               const char  *spec,
               GPtrArray   *matches)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < matches->len && i < 5; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, nb_person_get_display_name (g_ptr_array_index (matches, i)));
    }
  if (matches->len > 5)
    g_string_append (names, ", …");

  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_AMBIGUOUS,
               ngettext (
                         "“%s” matches %u person: %s. Type more of the name or use the number.",
                         "“%s” matches %u people: %s. Type more of the name or use the number.",
                         matches->len),
               spec, matches->len, names->str);
}

NbPerson *
nb_store_resolve_person (NbStore     *self,
                         const char  *spec,
                         GPtrArray  **candidates,
                         GError     **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  gint64 id;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (candidates != NULL)
    *candidates = NULL;

  stripped = g_strstrip (g_strdup (spec));
  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                   _("Type a name or a number to choose a person."));
      return NULL;
    }

  if (g_ascii_string_to_signed (stripped, 10, 1, G_MAXINT64, &id, NULL))
    return _nb_store_load_person_with_photo (self, id, error);

  folded = _nb_fold_name (stripped);

  if (!_nb_store_begin (self, FALSE, error))
    return NULL;

  matches = _nb_store_find_by_name (self, folded, TRUE, error);
  if (matches != NULL && matches->len == 0)
    {
      g_clear_pointer (&matches, g_ptr_array_unref);
      matches = _nb_store_find_by_name (self, folded, FALSE, error);
    }

  if (matches == NULL)
    {
      _nb_store_rollback (self);
      return NULL;
    }

  if (!_nb_store_commit (self, error))
    return NULL;

  if (matches->len == 0)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                   _("Nobody called “%s” is in the notebook."), stripped);
      return NULL;
    }

  if (matches->len > 1)
    {
      set_ambiguous (error, stripped, matches);
      if (candidates != NULL)
        *candidates = g_steal_pointer (&matches);
      return NULL;
    }

  return _nb_store_load_person_with_photo (self, nb_person_get_id (g_ptr_array_index (matches, 0)), error);
}

/* Runs @stmt (bound by the caller) that selects people rows, and fills
 * their tags and summaries. Ends @stmt's use. */
static GPtrArray *
people_from_stmt (NbStore     *self,
                  NbStmt      *stmt,
                  const char  *today_iso,
                  GError     **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (people, _nb_store_person_from_row (self, stmt, 0));
  _nb_stmt_release (stmt);

  if (rc == -1 || !_nb_store_fill_tags_and_summaries (self, people, today_iso, error))
    return NULL;

  return g_steal_pointer (&people);
}

/* people_from_stmt() for going cold, whose last column is each person's
 * last contact up to @today_iso, the one the list summary shows: only
 * their tags and due follow-ups are left to read. */
static GPtrArray *
cold_people_from_stmt (NbStore     *self,
                       NbStmt      *stmt,
                       const char  *today_iso,
                       GError     **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lasts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) due = NULL;
  gboolean few = FALSE;
  int rc;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (people, _nb_store_person_from_row (self, stmt, 0));
      g_ptr_array_add (lasts, g_strdup ((const char *) sqlite3_column_text (stmt, 1 + NB_PERSON_N_FIELDS + 7)));
    }
  _nb_stmt_release (stmt);

  if (rc == -1)
    return NULL;
  if (people->len == 0)
    return g_steal_pointer (&people);

  by_id = index_people (people);
  due = g_hash_table_new (NULL, NULL);
  if (!few_of_everyone (self, people->len, &few, error) ||
      !(few ? fill_tags_by_lookup (self, people, error) : fill_tags (self, by_id, error)) ||
      !count_due_followups (self, by_id, due, today_iso, error))
    return NULL;

  for (guint i = 0; i < people->len; i++)
    {
      NbPerson *person = g_ptr_array_index (people, i);

      nb_person_set_summary (person, g_ptr_array_index (lasts, i),
                             GPOINTER_TO_UINT (g_hash_table_lookup (due, person)),
                             NB_STAGE_VISIBILITY, 0);
    }

  return g_steal_pointer (&people);
}

GPtrArray *
nb_store_list_going_cold (NbStore     *self,
                          const char  *today_iso,
                          GError     **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *today = NULL;
  g_autofree char *sql = NULL;
  NbStmt *stmt;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today_iso == NULL)
    today_iso = today = nb_date_today_iso ();
  if (!nb_date_parse_iso (today_iso, NULL, error))
    return NULL;

  if (!_nb_store_begin (self, FALSE, error))
    return NULL;

  /* Never contacted: the clock starts when we met (or the card was made). */
  if (self->stmts[NB_STMT_GOING_COLD] == NULL)
    sql = g_strdup_printf (NB_STORE_SQL_GOING_COLD, self->person_columns);
  stmt = _nb_store_prepare (self, NB_STMT_GOING_COLD, sql, error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, today_iso, -1, SQLITE_STATIC);
  people = cold_people_from_stmt (self, stmt, today_iso, error);
  if (people == NULL)
    goto failed;

  if (!_nb_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&people);

failed:
  _nb_store_rollback (self);
  return NULL;
}

/* Bounds that hold everyone met in the @days up to @today_iso (a valid
 * date), and more: the earliest met date (ISO), and the creation times
 * (unix) of those with none. */
static void
recent_bounds (const char  *today_iso,
               guint        days,
               char       **met_from,
               gint64      *created_from,
               gint64      *created_to)
{
  GDate today, epoch, from;
  gint64 today_days;

  g_date_clear (&today, 1);
  g_date_clear (&epoch, 1);
  nb_date_parse_iso (today_iso, &today, NULL);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);

  from = today;
  if ((guint64) days + 7 < g_date_get_julian (&today))
    {
      g_date_subtract_days (&from, days + 7);
      *met_from = nb_date_to_iso (&from);
    }
  else
    {
      *met_from = g_strdup ("");
    }

  /* Days since 1970 in UTC: the bounds do not depend on a time zone. */
  today_days = (gint64) g_date_get_julian (&today) - (gint64) g_date_get_julian (&epoch);
  *created_from = (today_days - (gint64) days - 2) * 86400;
  *created_to = (today_days + 1 + 2) * 86400;
}

GPtrArray *
nb_store_list_recent_without_followup (NbStore     *self,
                                       const char  *today_iso,
                                       guint        days,
                                       GError     **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *today = NULL;
  g_autofree char *sql = NULL;
  NbStmt *stmt;

  g_autofree char *met_from = NULL;
  gint64 created_from, created_to;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today_iso == NULL)
    today_iso = today = nb_date_today_iso ();
  if (!nb_date_parse_iso (today_iso, NULL, error))
    return NULL;

  if (!_nb_store_begin (self, FALSE, error))
    return NULL;

  /* Computing everyone's met date, date (created, 'unixepoch',
   * 'localtime') for most, cost more than the rest of the list: a
   * cheaper test first keeps only those who may have been met in the
   * window, and the exact one decides. Its bounds are wider than the
   * window: by a week for met dates (SQLite reads a day past the end of
   * the month, such as 02-31, as a day of the next one) and by two days
   * for the creation time (no time zone is that far from UTC). */
  recent_bounds (today_iso, days, &met_from, &created_from, &created_to);
  if (self->stmts[NB_STMT_RECENT_WITHOUT_FOLLOWUP] == NULL)
    sql = g_strdup_printf ("SELECT p.id, %s, " NB_STORE_PERSON_TAIL " FROM ("
                           "  SELECT id, coalesce (nullif (met_date, ''),"
                           "                       date (created, 'unixepoch', 'localtime')) AS met"
                           "  FROM people WHERE +deleted = 0 AND archived = 0"
                           "    AND CASE WHEN met_date <> '' THEN met_date BETWEEN ?3 AND ?1"
                           "             ELSE created BETWEEN ?4 AND ?5 END) m"
                           " JOIN people p ON p.id = m.id"
                           " WHERE m.met <= ?1 AND julianday (?1) - julianday (m.met) <= ?2"
                           "   AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.person_id = p.id"
                           "                   AND e.kind = 'follow-up' AND e.deleted = 0)"
                           " ORDER BY m.met DESC, p.sort_key, p.id",
                           self->person_columns);
  stmt = _nb_store_prepare (self, NB_STMT_RECENT_WITHOUT_FOLLOWUP, sql, error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, today_iso, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, days);
  sqlite3_bind_text (stmt, 3, met_from, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, created_from);
  sqlite3_bind_int64 (stmt, 5, created_to);
  people = people_from_stmt (self, stmt, today_iso, error);
  if (people == NULL)
    goto failed;

  if (!_nb_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&people);

failed:
  _nb_store_rollback (self);
  return NULL;
}
