/* nb-store-events.c: networking events, who was met there, and my own
 * profile (what I offer, what I am looking for).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-store-private.h"

static void
queue_event (NbStore  *self,
             gint64    event_id,
             NbChange  change)
{
  NbPendingChange c = { NB_PENDING_EVENT, change, event_id, 0, 0, 0, 0 };

  _nb_store_queue (self, &c);
}

static gboolean
check_event_exists (NbStore  *self,
                    gint64    event_id,
                    GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  int rc;

  stmt = _nb_store_prepare (self, NB_STMT_EVENT_EXISTS,
                            "SELECT 1 FROM events WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = _nb_store_step (self, stmt, error);
  if (rc == -1)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                   _("There is no event number %" G_GINT64_FORMAT "."), event_id);
      return FALSE;
    }

  return TRUE;
}

static NbEvent *
event_from_row (sqlite3_stmt *stmt)
{
  NbEvent *event;

  event = nb_event_new ((const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2),
                        (const char *) sqlite3_column_text (stmt, 3));
  nb_event_set_id (event, sqlite3_column_int64 (stmt, 0));

  return event;
}

/* ---- Events ----------------------------------------------------------- */

gint64
nb_store_add_event (NbStore  *self,
                    NbEvent  *event,
                    GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  const char *name;
  const char *date;
  const char *place;
  gint64 id;

  g_return_val_if_fail (NB_IS_STORE (self), 0);
  g_return_val_if_fail (NB_IS_EVENT (event), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  name = nb_event_get_name (event);
  date = nb_event_get_date (event);
  place = nb_event_get_place (event);
  if (name == NULL)
    name = "";
  if (date == NULL)
    date = "";
  if (place == NULL)
    place = "";

  if (!_nb_store_check_utf8 (name, _("The event’s name"), error) ||
      !_nb_store_check_utf8 (place, _("The event’s place"), error) ||
      !_nb_store_check_optional_date (date, error))
    return 0;

  {
    g_autofree char *stripped = g_strstrip (g_strdup (name));

    if (*stripped == '\0')
      {
        g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                     _("An event needs a name."));
        return 0;
      }
  }

  if (!_nb_store_begin (self, TRUE, error))
    return 0;

  stmt = _nb_store_prepare (self, NB_STMT_EVENT_INSERT,
                            "INSERT INTO events (name, date, place, created) VALUES (?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, place, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, _nb_store_now ());
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (self->db);
  queue_event (self, id, NB_CHANGE_ADDED);

  if (!_nb_store_commit (self, error))
    return 0;

  nb_event_set_id (event, id);
  return id;

failed:
  _nb_store_rollback (self);
  return 0;
}

NbEvent *
nb_store_get_event (NbStore  *self,
                    gint64    event_id,
                    GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _nb_store_prepare (self, NB_STMT_EVENT_GET,
                            "SELECT id, name, date, place FROM events WHERE id = ?",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = _nb_store_step (self, stmt, error);
  if (rc == -1)
    return NULL;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                   _("There is no event number %" G_GINT64_FORMAT "."), event_id);
      return NULL;
    }

  return event_from_row (stmt);
}

GPtrArray *
nb_store_list_events (NbStore  *self,
                      GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _nb_store_prepare (self, NB_STMT_EVENT_LIST,
                            "SELECT id, name, date, place FROM events ORDER BY date DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt));

  if (rc == -1)
    return NULL;

  return g_steal_pointer (&events);
}

gboolean
nb_store_add_attendee (NbStore  *self,
                       gint64    event_id,
                       gint64    person_id,
                       GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  if (!check_event_exists (self, event_id, error) ||
      !_nb_store_person_exists (self, person_id, error))
    goto failed;

  stmt = _nb_store_prepare (self, NB_STMT_ATTENDEE_INSERT,
                            "INSERT OR IGNORE INTO event_people (event_id, person_id) VALUES (?, ?)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) > 0)
    queue_event (self, event_id, NB_CHANGE_UPDATED);

  return _nb_store_commit (self, error);

failed:
  _nb_store_rollback (self);
  return FALSE;
}

GPtrArray *
nb_store_list_attendees (NbStore  *self,
                         gint64    event_id,
                         GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_event_exists (self, event_id, error))
    return NULL;

  sql = g_strdup_printf ("SELECT p.id, %s, p.cadence_days, p.rapport, p.archived, "
                         "p.introduced_by, p.created, p.updated, p.sort_key "
                         "FROM event_people a JOIN people p ON p.id = a.person_id "
                         "WHERE a.event_id = ? AND p.deleted = 0 "
                         "ORDER BY p.sort_key, p.id",
                         self->person_columns);
  stmt = _nb_store_prepare (self, NB_STMT_ATTENDEES, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (people, _nb_store_person_from_row (self, stmt, 0));

  if (rc == -1)
    return NULL;

  return g_steal_pointer (&people);
}

/* ---- My profile ------------------------------------------------------- */

gboolean
nb_store_get_profile (NbStore  *self,
                      char    **offers,
                      char    **looking_for,
                      GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _nb_store_prepare (self, NB_STMT_PROFILE_GET,
                            "SELECT offers, looking_for FROM profile WHERE id = 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  rc = _nb_store_step (self, stmt, error);
  if (rc == -1)
    return FALSE;

  if (offers != NULL)
    *offers = g_strdup (rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : "");
  if (looking_for != NULL)
    *looking_for = g_strdup (rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 1) : "");

  return TRUE;
}

gboolean
nb_store_set_profile (NbStore     *self,
                      const char  *offers,
                      const char  *looking_for,
                      GError     **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  NbPendingChange change = { NB_PENDING_PROFILE, NB_CHANGE_UPDATED, 1, 0, 0, 0, 0 };

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (offers == NULL)
    offers = "";
  if (looking_for == NULL)
    looking_for = "";

  if (!_nb_store_check_utf8 (offers, _("What you offer"), error) ||
      !_nb_store_check_utf8 (looking_for, _("What you are looking for"), error))
    return FALSE;

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  stmt = _nb_store_prepare (self, NB_STMT_PROFILE_SET,
                            "INSERT INTO profile (id, offers, looking_for) VALUES (1, ?1, ?2) "
                            "ON CONFLICT (id) DO UPDATE SET offers = ?1, looking_for = ?2",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, offers, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, looking_for, -1, SQLITE_STATIC);
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  _nb_store_queue (self, &change);
  return _nb_store_commit (self, error);

failed:
  _nb_store_rollback (self);
  return FALSE;
}
