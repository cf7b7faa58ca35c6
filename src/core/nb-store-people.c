/* nb-store-people.c: people and their tags.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-store-private.h"

/* A vCard photo is a few hundred kilobytes at most; anything far bigger
 * is a mistake that would slow every page showing the person. */
#define PHOTO_MAX_SIZE (10 * 1024 * 1024)

int
_nb_store_compare_people (NbPerson *a,
                          NbPerson *b)
{
  g_autofree char *key_a = nb_person_dup_sort_key (a);
  g_autofree char *key_b = nb_person_dup_sort_key (b);
  int cmp = strcmp (key_a, key_b);
  gint64 id_a;
  gint64 id_b;

  if (cmp != 0)
    return cmp;

  id_a = nb_person_get_id (a);
  id_b = nb_person_get_id (b);
  return id_a < id_b ? -1 : id_a > id_b;
}

NbPerson *
_nb_store_person_from_row (NbStore      *self,
                           sqlite3_stmt *stmt,
                           int           col)
{
  NbPerson *person = nb_person_new (NULL);
  int tail = col + 1 + NB_PERSON_N_FIELDS;
  const char *values[NB_PERSON_N_FIELDS];

  /* No freeze_notify: nobody listens yet, and a notify queue per
   * person costs more than the notifications. */
  nb_person_set_id (person, sqlite3_column_int64 (stmt, col));
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    values[i] = (const char *) sqlite3_column_text (stmt, col + 1 + (int) i);
  nb_person_set_fields (person, values);
  nb_person_set_cadence_days (person, (guint) MAX (sqlite3_column_int (stmt, tail), 0));
  nb_person_set_rapport (person, (guint) CLAMP (sqlite3_column_int (stmt, tail + 1), 0, 5));
  nb_person_set_archived (person, sqlite3_column_int (stmt, tail + 2) != 0);
  nb_person_set_introduced_by (person, sqlite3_column_int64 (stmt, tail + 3));
  nb_person_set_timestamps (person,
                            sqlite3_column_int64 (stmt, tail + 4),
                            sqlite3_column_int64 (stmt, tail + 5));

  return person;
}

gboolean
_nb_store_load_tags (NbStore   *self,
                     NbPerson  *person,
                     GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  int rc;

  stmt = _nb_store_prepare (self, NB_STMT_PERSON_TAGS,
                            "SELECT tag FROM tags WHERE person_id = ? ORDER BY tag",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, nb_person_get_id (person));
  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (builder, _nb_column_text (stmt, 0));

  if (rc == -1)
    return FALSE;

  tags = g_strv_builder_end (builder);
  nb_person_set_tags (person, (const char * const *) tags);
  return TRUE;
}

void
_nb_store_summarize (NbPerson    *person,
                     GPtrArray   *entries,
                     NbTrust     *trust,
                     const char  *today_iso)
{
  gint64 person_id = nb_person_get_id (person);
  const char *last = NULL;
  guint due = 0;

  /* The same rules as the lists' summaries (nb-store-lists.c): the
   * timeline already holds exactly the entries that can count. */
  for (guint i = 0; i < entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (entries, i);
      const char *date = nb_entry_get_date (entry);

      if (nb_entry_counts_as_contact (entry) && strcmp (date, today_iso) <= 0 &&
          (last == NULL || strcmp (date, last) > 0))
        last = date;

      if (nb_entry_get_person_id (entry) == person_id &&
          nb_entry_get_kind (entry) == NB_ENTRY_FOLLOW_UP &&
          nb_entry_get_status (entry) == NB_STATUS_OPEN &&
          strcmp (nb_entry_get_due (entry), today_iso) <= 0)
        due++;
    }

  nb_person_set_summary (person, last, due,
                         nb_trust_get_stage (trust),
                         nb_trust_get_score (trust, NB_DIMENSION_TRUST));
}

gboolean
_nb_store_fill_summary (NbStore     *self,
                        NbPerson    *person,
                        const char  *today_iso,
                        GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(NbTrust) trust = NULL;
  g_autofree char *today = NULL;

  if (today_iso == NULL)
    today_iso = today = nb_date_today_iso ();

  /* One read of the timeline gives the counts and the trust: a person
   * with thousands of entries is read once, not three times. */
  entries = _nb_store_load_timeline (self, nb_person_get_id (person), error);
  if (entries == NULL)
    return FALSE;

  trust = nb_trust_compute (person, entries, today_iso);
  _nb_store_summarize (person, entries, trust, today_iso);
  return TRUE;
}

gboolean
_nb_store_fill_people (NbStore     *self,
                       GPtrArray   *people,
                       GError     **error)
{
  g_autofree char *today = nb_date_today_iso ();

  /* Past a few dozen, one pass over all tags and entries is cheaper than
   * a few queries per person. */
  if (people->len > 32)
    return _nb_store_fill_tags_and_summaries (self, people, today, error);

  for (guint i = 0; i < people->len; i++)
    {
      if (!_nb_store_load_tags (self, g_ptr_array_index (people, i), error))
        return FALSE;
    }

  return _nb_store_fill_summaries (self, people, today, error);
}

gboolean
_nb_store_fill_trust (NbStore     *self,
                      NbPerson    *person,
                      const char  *today_iso,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(NbTrust) trust = NULL;

  entries = _nb_store_load_timeline (self, nb_person_get_id (person), error);
  if (entries == NULL)
    return FALSE;

  trust = nb_trust_compute (person, entries, today_iso);
  nb_person_set_summary (person,
                         nb_person_get_last_contact (person),
                         nb_person_get_due_followups (person),
                         nb_trust_get_stage (trust),
                         nb_trust_get_score (trust, NB_DIMENSION_TRUST));
  return TRUE;
}

NbPerson *
_nb_store_load_person_row (NbStore   *self,
                           gint64     person_id,
                           gboolean   include_deleted,
                           GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  NbStmtId id = include_deleted ? NB_STMT_PERSON_GET_ANY : NB_STMT_PERSON_GET;
  int rc;

  if (self->stmts[id] == NULL)
    sql = g_strdup_printf ("SELECT id, %s, " NB_STORE_PERSON_TAIL " FROM people WHERE id = ?%s",
                           self->person_columns,
                           include_deleted ? "" : " AND deleted = 0");

  stmt = _nb_store_prepare (self, id, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = _nb_store_step (self, stmt, error);
  if (rc == -1)
    return NULL;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                   _("There is no person number %" G_GINT64_FORMAT "."), person_id);
      return NULL;
    }

  return _nb_store_person_from_row (self, stmt, 0);
}

static gboolean
load_photo (NbStore   *self,
            NbPerson  *person,
            GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(GBytes) photo = NULL;
  int rc;

  stmt = _nb_store_prepare (self, NB_STMT_PERSON_PHOTO,
                            "SELECT photo FROM people WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, nb_person_get_id (person));
  rc = _nb_store_step (self, stmt, error);
  if (rc == -1)
    return FALSE;

  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      const void *data = sqlite3_column_blob (stmt, 0);
      int size = sqlite3_column_bytes (stmt, 0);

      if (data != NULL && size > 0)
        photo = g_bytes_new (data, (gsize) size);
    }

  nb_person_set_photo (person, photo);
  return TRUE;
}

/* Writes the photo only when the caller knows it: a person loaded from a
 * list has none, and saving them must not remove the stored one. */
static gboolean
write_photo (NbStore   *self,
             NbPerson  *person,
             GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  GBytes *photo = nb_person_get_photo (person);

  if (!nb_person_get_photo_known (person))
    return TRUE;

  /* Most saves carry the photo they loaded: comparing costs a read,
   * rewriting would log the whole picture again. */
  stmt = _nb_store_prepare (self, NB_STMT_PERSON_SET_PHOTO,
                            "UPDATE people SET photo = ?1 WHERE id = ?2 AND photo IS NOT ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (photo != NULL)
    sqlite3_bind_blob64 (stmt, 1, g_bytes_get_data (photo, NULL),
                         g_bytes_get_size (photo), SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, nb_person_get_id (person));

  return _nb_store_step_done (self, stmt, error);
}

static NbPerson *
load_person (NbStore   *self,
             gint64     person_id,
             gboolean   with_summary,
             gboolean   with_photo,
             GError   **error)
{
  g_autoptr(NbPerson) person = NULL;
  gboolean ok;

  if (!_nb_store_begin (self, FALSE, error))
    return NULL;

  person = _nb_store_load_person_row (self, person_id, FALSE, error);
  ok = person != NULL &&
       _nb_store_load_tags (self, person, error) &&
       (!with_summary || _nb_store_fill_summary (self, person, NULL, error)) &&
       (!with_photo || load_photo (self, person, error));

  if (!ok)
    {
      _nb_store_rollback (self);
      return NULL;
    }

  if (!_nb_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&person);
}

NbPerson *
_nb_store_load_person (NbStore   *self,
                       gint64     person_id,
                       gboolean   with_summary,
                       GError   **error)
{
  return load_person (self, person_id, with_summary, FALSE, error);
}

NbPerson *
_nb_store_load_person_with_photo (NbStore   *self,
                                  gint64     person_id,
                                  GError   **error)
{
  return load_person (self, person_id, TRUE, TRUE, error);
}

gboolean
_nb_store_person_exists (NbStore   *self,
                         gint64     person_id,
                         GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  int rc;

  stmt = _nb_store_prepare (self, NB_STMT_PERSON_EXISTS,
                            "SELECT 1 FROM people WHERE id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = _nb_store_step (self, stmt, error);
  if (rc == -1)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                   _("There is no person number %" G_GINT64_FORMAT "."), person_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_person (NbPerson  *person,
                 GError   **error)
{
  const char * const *tags = nb_person_get_tags (person);
  g_autofree char *name = NULL;

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      const char *value = nb_person_get_field (person, (NbPersonField) i);

      if (!g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                       _("The field “%s” contains bytes that are not valid UTF-8 text."),
                       nb_person_field_get_label ((NbPersonField) i));
          return FALSE;
        }
    }

  name = g_strstrip (g_strdup (nb_person_get_display_name (person)));
  if (*name == '\0')
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("A person needs a name."));
      return FALSE;
    }

  if (!_nb_store_check_optional_date (nb_person_get_field (person, NB_PERSON_MET_DATE), error) ||
      !_nb_store_check_optional_date (nb_person_get_field (person, NB_PERSON_BIRTHDAY), error))
    return FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *tag = NULL;

      if (!_nb_store_check_utf8 (tags[i], _("A tag"), error))
        return FALSE;

      tag = g_strstrip (g_strdup (tags[i]));
      if (*tag == '\0')
        {
          g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                       _("A tag cannot be empty."));
          return FALSE;
        }
    }

  if (nb_person_get_photo (person) != NULL &&
      g_bytes_get_size (nb_person_get_photo (person)) > PHOTO_MAX_SIZE)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("The photo is too large (more than %d MB): choose a smaller picture."),
                   PHOTO_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (nb_person_get_cadence_days (person) > 36500)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("A stay-in-touch cadence cannot be longer than 100 years."));
      return FALSE;
    }

  if (nb_person_get_introduced_by (person) != 0 &&
      nb_person_get_introduced_by (person) == nb_person_get_id (person))
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("Nobody can introduce themselves."));
      return FALSE;
    }

  return TRUE;
}

/* Makes the stored tags @person's, touching only those that differ:
 * deleting all of a person's tags takes a temporary b-tree (the table
 * has triggers and no rowid), and most saves change no tag. @is_new: the
 * person was just inserted, so has none yet. */
static gboolean
write_tags (NbStore   *self,
            NbPerson  *person,
            gboolean   is_new,
            GError   **error)
{
  const char * const *tags = nb_person_get_tags (person);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  gint64 id = nb_person_get_id (person);

  for (guint i = 0; tags[i] != NULL; i++)
    g_hash_table_add (wanted, g_strstrip (g_strdup (tags[i])));

  if (!is_new)
    {
      g_autoptr(NbStmt) stmt = NULL;
      int rc;

      stmt = _nb_store_prepare (self, NB_STMT_PERSON_TAGS,
                                "SELECT tag FROM tags WHERE person_id = ? ORDER BY tag",
                                error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
        {
          const char *tag = _nb_column_text (stmt, 0);

          /* Already there: nothing to write. */
          if (!g_hash_table_remove (wanted, tag))
            g_ptr_array_add (stale, g_strdup (tag));
        }
      if (rc == -1)
        return FALSE;
    }

  for (guint i = 0; i < stale->len; i++)
    {
      g_autoptr(NbStmt) stmt = _nb_store_prepare (self, NB_STMT_PERSON_TAG_DELETE,
                                                  "DELETE FROM tags WHERE person_id = ? AND tag = ?",
                                                  error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (stale, i), -1, SQLITE_STATIC);
      if (!_nb_store_step_done (self, stmt, error))
        return FALSE;
    }

  /* The new ones, in the order given. */
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autoptr(NbStmt) stmt = NULL;
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      if (!g_hash_table_remove (wanted, tag))
        continue;

      stmt = _nb_store_prepare (self, NB_STMT_PERSON_TAG_INSERT,
                                "INSERT OR IGNORE INTO tags (person_id, tag) VALUES (?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_STATIC);
      if (!_nb_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Binds the card's columns in the order of INSERT/UPDATE below; returns
 * the next parameter index. */
static int
bind_person (sqlite3_stmt *stmt,
             NbPerson     *person,
             char        **sort_key,
             char        **folded_name)
{
  gint64 introduced_by = nb_person_get_introduced_by (person);
  int i = 1;

  for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
    sqlite3_bind_text (stmt, i++, nb_person_get_field (person, (NbPersonField) f), -1, SQLITE_STATIC);

  *sort_key = nb_person_dup_sort_key (person);
  *folded_name = _nb_fold_name (nb_person_get_display_name (person));

  sqlite3_bind_int (stmt, i++, (int) nb_person_get_cadence_days (person));
  sqlite3_bind_int (stmt, i++, (int) nb_person_get_rapport (person));
  sqlite3_bind_int (stmt, i++, nb_person_get_archived (person) ? 1 : 0);
  if (introduced_by != 0)
    sqlite3_bind_int64 (stmt, i++, introduced_by);
  else
    sqlite3_bind_null (stmt, i++);
  sqlite3_bind_text (stmt, i++, *sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, *folded_name, -1, SQLITE_STATIC);

  return i;
}

static char *
build_person_write_sql (NbStore  *self,
                        gboolean  insert)
{
  GString *sql = g_string_new (NULL);
  const char *tail[] = { "cadence_days", "rapport", "archived", "introduced_by",
                         "sort_key", "folded_name" };

  if (insert)
    {
      g_string_append_printf (sql, "INSERT INTO people (%s, ", self->person_columns);
      for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
        g_string_append_printf (sql, "%s, ", tail[i]);
      g_string_append (sql, "created, updated) VALUES (");
      for (guint i = 0; i < NB_PERSON_N_FIELDS + G_N_ELEMENTS (tail) + 2; i++)
        g_string_append (sql, i == 0 ? "?" : ", ?");
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append (sql, "UPDATE people SET ");
      for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
        g_string_append_printf (sql, "%s = ?, ", nb_person_field_get_key ((NbPersonField) i));
      for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
        g_string_append_printf (sql, "%s = ?, ", tail[i]);
      g_string_append (sql, "updated = ? WHERE id = ? AND deleted = 0");
    }

  return g_string_free (sql, FALSE);
}

gint64
nb_store_add_person (NbStore   *self,
                     NbPerson  *person,
                     GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *folded_name = NULL;
  gint64 now = _nb_store_now ();
  gint64 id;
  int i;

  g_return_val_if_fail (NB_IS_STORE (self), 0);
  g_return_val_if_fail (NB_IS_PERSON (person), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!validate_person (person, error))
    return 0;

  if (!_nb_store_begin (self, TRUE, error))
    return 0;

  if (nb_person_get_introduced_by (person) != 0 &&
      !_nb_store_person_exists (self, nb_person_get_introduced_by (person), error))
    goto failed;

  if (self->stmts[NB_STMT_PERSON_INSERT] == NULL)
    sql = build_person_write_sql (self, TRUE);
  stmt = _nb_store_prepare (self, NB_STMT_PERSON_INSERT, sql, error);
  if (stmt == NULL)
    goto failed;

  i = bind_person (stmt, person, &sort_key, &folded_name);
  sqlite3_bind_int64 (stmt, i++, now);
  sqlite3_bind_int64 (stmt, i++, now);
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (self->db);
  nb_person_set_id (person, id);

  if (!write_tags (self, person, TRUE, error) ||
      (nb_person_get_photo (person) != NULL && !write_photo (self, person, error)))
    goto failed;

  _nb_store_queue_person (self, id, NB_CHANGE_ADDED);

  if (!_nb_store_commit (self, error))
    {
      nb_person_set_id (person, 0);
      return 0;
    }

  nb_person_set_timestamps (person, now, now);
  return id;

failed:
  _nb_store_rollback (self);
  nb_person_set_id (person, 0);
  return 0;
}

gboolean
nb_store_update_person (NbStore   *self,
                        NbPerson  *person,
                        GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *folded_name = NULL;
  gint64 now = _nb_store_now ();
  gint64 id;
  int i;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (NB_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_person (person, error))
    return FALSE;

  id = nb_person_get_id (person);

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  if (!_nb_store_person_exists (self, id, error))
    goto failed;

  if (nb_person_get_introduced_by (person) != 0 &&
      !_nb_store_person_exists (self, nb_person_get_introduced_by (person), error))
    goto failed;

  if (self->stmts[NB_STMT_PERSON_UPDATE] == NULL)
    sql = build_person_write_sql (self, FALSE);
  stmt = _nb_store_prepare (self, NB_STMT_PERSON_UPDATE, sql, error);
  if (stmt == NULL)
    goto failed;

  i = bind_person (stmt, person, &sort_key, &folded_name);
  sqlite3_bind_int64 (stmt, i++, now);
  sqlite3_bind_int64 (stmt, i++, id);
  if (!_nb_store_step_done (self, stmt, error) ||
      !write_tags (self, person, FALSE, error) ||
      !write_photo (self, person, error))
    goto failed;

  _nb_store_queue_person (self, id, NB_CHANGE_UPDATED);

  if (!_nb_store_commit (self, error))
    return FALSE;

  nb_person_set_timestamps (person, nb_person_get_created (person), now);
  return TRUE;

failed:
  _nb_store_rollback (self);
  return FALSE;
}

NbPerson *
nb_store_get_person (NbStore   *self,
                     gint64     person_id,
                     GError   **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nb_store_load_person_with_photo (self, person_id, error);
}

NbPerson *
nb_store_get_person_card (NbStore   *self,
                          gint64     person_id,
                          GError   **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nb_store_load_person (self, person_id, FALSE, error);
}

static gboolean
set_deleted (NbStore   *self,
             gint64     person_id,
             gboolean   deleted,
             GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  stmt = _nb_store_prepare (self, NB_STMT_PERSON_SET_DELETED,
                            "UPDATE people SET deleted = ?1 WHERE id = ?2 AND (deleted = 0) = (?1 <> 0)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, deleted ? MAX (_nb_store_now (), 1) : 0);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_autoptr(NbPerson) existing = NULL;

      g_clear_pointer (&stmt, _nb_stmt_release);
      existing = _nb_store_load_person_row (self, person_id, TRUE, error);
      if (existing == NULL)
        goto failed;

      /* Already in the wanted state: deleting twice is not found, undoing
       * a delete that did not happen is nothing to do. */
      if (deleted)
        {
          g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                       _("There is no person number %" G_GINT64_FORMAT "."), person_id);
          goto failed;
        }
    }
  else
    {
      _nb_store_queue_person (self, person_id, deleted ? NB_CHANGE_REMOVED : NB_CHANGE_ADDED);
    }

  return _nb_store_commit (self, error);

failed:
  _nb_store_rollback (self);
  return FALSE;
}

gboolean
nb_store_delete_person (NbStore   *self,
                        gint64     person_id,
                        GError   **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_deleted (self, person_id, TRUE, error);
}

gboolean
nb_store_undelete_person (NbStore   *self,
                          gint64     person_id,
                          GError   **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_deleted (self, person_id, FALSE, error);
}

gboolean
nb_store_set_person_archived (NbStore   *self,
                              gint64     person_id,
                              gboolean   archived,
                              GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  if (!_nb_store_person_exists (self, person_id, error))
    goto failed;

  stmt = _nb_store_prepare (self, NB_STMT_PERSON_SET_ARCHIVED,
                            "UPDATE people SET archived = ?1, updated = ?2 "
                            "WHERE id = ?3 AND deleted = 0 AND archived <> ?1",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int (stmt, 1, archived ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, _nb_store_now ());
  sqlite3_bind_int64 (stmt, 3, person_id);
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) > 0)
    _nb_store_queue_person (self, person_id, NB_CHANGE_UPDATED);

  return _nb_store_commit (self, error);

failed:
  _nb_store_rollback (self);
  return FALSE;
}

