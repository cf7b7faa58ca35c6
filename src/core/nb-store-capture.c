/* nb-store-capture.c: saving an after-event capture, and its drafts.
 *
 * A capture is saved through the store's own calls inside one
 * nb_store_transaction(), so it commits whole or not at all and the
 * usual change signals follow the commit. Drafts are the opposite: tiny
 * writes of their own, made while the user types, that must reach the
 * disk before anything else (synchronous=FULL makes each commit durable).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-store-private.h"

typedef struct {
  const char  *event_name;
  const char  *event_date;
  const char  *place;
  GPtrArray   *lines;
  gint64       draft_id;

  gint64       event_id;
  GArray      *person_ids;    /* gint64 per line */
  GHashTable  *new_people;    /* folded name → gint64* id, this capture's */
} SaveCapture;

/* ---- Drafts ------------------------------------------------------------ */

static NbCaptureDraft *
draft_from_row (sqlite3_stmt *stmt)
{
  NbCaptureDraft *draft;

  draft = nb_capture_draft_new (_nb_column_text (stmt, 1), _nb_column_text (stmt, 2),
                                _nb_column_text (stmt, 3), _nb_column_text (stmt, 4));
  draft->id = sqlite3_column_int64 (stmt, 0);
  draft->created = sqlite3_column_int64 (stmt, 5);
  draft->updated = sqlite3_column_int64 (stmt, 6);

  return draft;
}

gint64
nb_store_save_capture_draft (NbStore         *self,
                             NbCaptureDraft  *draft,
                             GError         **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  /* Microseconds: the last change must sort first even within a second. */
  gint64 now = g_get_real_time ();
  gint64 id;
  gint64 created;
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail (draft->id >= 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  /* Inside another transaction the draft would only be as safe as that
   * transaction's commit. */
  g_return_val_if_fail (self->depth == 0, 0);

  if (!_nb_store_check_utf8 (draft->event_name, _("The event’s name"), error) ||
      !_nb_store_check_utf8 (draft->event_date, _("The event’s date"), error) ||
      !_nb_store_check_utf8 (draft->place, _("The event’s place"), error) ||
      !_nb_store_check_utf8 (draft->body, _("The capture"), error))
    return 0;

  if (!_nb_store_begin (self, TRUE, error))
    return 0;

  stmt = _nb_store_prepare (self, NB_STMT_DRAFT_SAVE,
                            "INSERT INTO capture_drafts (id, event_name, event_date, place, body,"
                            "                            created, updated)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"
                            " ON CONFLICT (id) DO UPDATE SET event_name = excluded.event_name,"
                            "   event_date = excluded.event_date, place = excluded.place,"
                            "   body = excluded.body, updated = excluded.updated"
                            " RETURNING id, created",
                            error);
  if (stmt == NULL)
    goto failed;

  if (draft->id > 0)
    sqlite3_bind_int64 (stmt, 1, draft->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, draft->event_name != NULL ? draft->event_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, draft->event_date != NULL ? draft->event_date : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, draft->place != NULL ? draft->place : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, draft->body != NULL ? draft->body : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, now);

  rc = _nb_store_step (self, stmt, error);
  if (rc != SQLITE_ROW)
    {
      if (rc != -1)
        _nb_store_set_error (self, error, SQLITE_ERROR);
      goto failed;
    }
  id = sqlite3_column_int64 (stmt, 0);
  created = sqlite3_column_int64 (stmt, 1);
  /* RETURNING rows are only final once the statement ran to its end. */
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, _nb_stmt_release);

  if (!_nb_store_commit (self, error))
    return 0;

  draft->id = id;
  draft->created = created;
  draft->updated = now;
  return id;

failed:
  g_clear_pointer (&stmt, _nb_stmt_release);
  _nb_store_rollback (self);
  return 0;
}

GPtrArray *
nb_store_load_capture_drafts (NbStore  *self,
                              GError  **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(NbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_capture_draft_free);

  stmt = _nb_store_prepare (self, NB_STMT_DRAFT_LIST,
                            "SELECT id, event_name, event_date, place, body, created, updated"
                            " FROM capture_drafts ORDER BY updated DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (drafts, draft_from_row (stmt));

  if (rc == -1)
    return NULL;

  return g_steal_pointer (&drafts);
}

static gboolean
delete_draft (NbStore  *self,
              gint64    draft_id,
              GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  stmt = _nb_store_prepare (self, NB_STMT_DRAFT_DELETE,
                            "DELETE FROM capture_drafts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, draft_id);
  return _nb_store_step_done (self, stmt, error);
}

gboolean
nb_store_discard_capture_draft (NbStore  *self,
                                gint64    draft_id,
                                GError  **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  if (!delete_draft (self, draft_id, error))
    {
      _nb_store_rollback (self);
      return FALSE;
    }

  return _nb_store_commit (self, error);
}

/* ---- Saving a capture -------------------------------------------------- */

/* An event of that name on that day, or a new one. */
static gint64
find_or_add_event (NbStore     *self,
                   SaveCapture *save,
                   GError     **error)
{
  g_autoptr(NbEvent) event = NULL;

  {
    g_autoptr(NbStmt) stmt = NULL;
    g_autofree char *folded = _nb_fold_name (save->event_name);
    int rc;

    stmt = _nb_store_prepare (self, NB_STMT_CAPTURE_FIND_EVENT,
                              "SELECT id FROM events WHERE date = ?1"
                              " AND nb_fold (trim (name)) = ?2 ORDER BY id LIMIT 1",
                              error);
    if (stmt == NULL)
      return 0;

    sqlite3_bind_text (stmt, 1, save->event_date, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, folded, -1, SQLITE_STATIC);
    rc = _nb_store_step (self, stmt, error);
    if (rc == -1)
      return 0;
    if (rc == SQLITE_ROW)
      return sqlite3_column_int64 (stmt, 0);
  }

  event = nb_event_new (save->event_name, save->event_date, save->place);
  return nb_store_add_event (self, event, error);
}

/* The line's tags, and its company if the card has none. */
static gboolean
merge_into_person (NbStore        *self,
                   gint64          person_id,
                   NbCaptureLine  *line,
                   GError        **error)
{
  g_autoptr(NbPerson) person = _nb_store_load_person (self, person_id, FALSE, error);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean changed = FALSE;

  if (person == NULL)
    return FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) nb_person_get_tags (person));
  for (guint i = 0; line->tags[i] != NULL; i++)
    {
      if (!nb_person_has_tag (person, line->tags[i]))
        {
          g_strv_builder_add (builder, line->tags[i]);
          changed = TRUE;
        }
    }
  tags = g_strv_builder_end (builder);

  if (*nb_person_get_company (person) == '\0' && *line->company != '\0')
    {
      nb_person_set_field (person, NB_PERSON_COMPANY, line->company);
      changed = TRUE;
    }

  if (!changed)
    return TRUE;

  nb_person_set_tags (person, (const char * const *) tags);
  /* The photo was not loaded, so the update keeps it. */
  return nb_store_update_person (self, person, error);
}

static gint64
add_new_person (NbStore        *self,
                SaveCapture    *save,
                NbCaptureLine  *line,
                GError        **error)
{
  g_autoptr(NbPerson) person = nb_person_new (line->name);

  nb_person_set_field (person, NB_PERSON_COMPANY, line->company);
  nb_person_set_field (person, NB_PERSON_MET_DATE, save->event_date);
  nb_person_set_field (person, NB_PERSON_MET_WHERE, save->event_name);
  nb_person_set_tags (person, (const char * const *) line->tags);

  return nb_store_add_person (self, person, error);
}

static gboolean
add_entries (NbStore        *self,
             SaveCapture    *save,
             gint64          person_id,
             NbCaptureLine  *line,
             GError        **error)
{
  g_autoptr(NbEntry) conversation = NULL;
  g_autofree char *met = NULL;

  if (*line->note == '\0')
    /* Translators: a conversation without a note; %s is the event. */
    met = g_strdup_printf (_("Met at %s"), save->event_name);

  conversation = nb_entry_new (NB_ENTRY_CONVERSATION, person_id, save->event_date,
                               met != NULL ? met : line->note);
  nb_entry_set_event_id (conversation, save->event_id);
  if (nb_store_add_entry (self, conversation, error) == 0)
    return FALSE;

  if (line->followup_due != NULL)
    {
      g_autoptr(NbEntry) followup = NULL;
      g_autofree char *text = NULL;

      if (line->followup_text == NULL)
        text = g_strdup_printf (_("Follow up with %s"), line->name);

      followup = nb_entry_new (NB_ENTRY_FOLLOW_UP, person_id, save->event_date,
                               text != NULL ? text : line->followup_text);
      nb_entry_set_due (followup, line->followup_due);
      nb_entry_set_event_id (followup, save->event_id);
      if (nb_store_add_entry (self, followup, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_line (NbStore        *self,
           SaveCapture    *save,
           NbCaptureLine  *line,
           gint64         *out_person_id,
           GError        **error)
{
  gint64 person_id = line->person_id;
  g_autofree char *folded = NULL;
  gint64 *repeat;

  if (!nb_capture_line_is_valid (line))
    {
      g_set_error_literal (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                           line->problems->len > 0 ? g_ptr_array_index (line->problems, 0)
                                                   : _("Start the line with the person’s name."));
      return FALSE;
    }

  folded = _nb_fold_name (line->name);
  repeat = person_id == 0 ? g_hash_table_lookup (save->new_people, folded) : NULL;
  if (repeat != NULL)
    person_id = *repeat;

  if (person_id == 0)
    {
      person_id = add_new_person (self, save, line, error);
      if (person_id == 0)
        return FALSE;
      g_hash_table_insert (save->new_people, g_steal_pointer (&folded),
                           g_memdup2 (&person_id, sizeof person_id));
    }
  else if (!merge_into_person (self, person_id, line, error))
    {
      return FALSE;
    }

  if (!nb_store_add_attendee (self, save->event_id, person_id, error) ||
      !add_entries (self, save, person_id, line, error))
    return FALSE;

  *out_person_id = person_id;
  return TRUE;
}

static gboolean
save_capture_cb (NbStore   *self,
                 gpointer   user_data,
                 GError   **error)
{
  SaveCapture *save = user_data;
  guint n_people = 0;

  save->event_id = find_or_add_event (self, save, error);
  if (save->event_id == 0)
    return FALSE;

  for (guint i = 0; i < save->lines->len; i++)
    {
      NbCaptureLine *line = g_ptr_array_index (save->lines, i);
      gint64 person_id = 0;

      if (!nb_capture_line_is_blank (line))
        {
          if (!save_line (self, save, line, &person_id, error))
            {
              /* Translators: %u is a line number of the capture. */
              g_prefix_error (error, _("Line %u: "), i + 1);
              return FALSE;
            }
          n_people++;
        }
      g_array_append_val (save->person_ids, person_id);
    }

  if (n_people == 0)
    {
      g_set_error_literal (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                           _("There is nobody to save: write one line per person met."));
      return FALSE;
    }

  return save->draft_id == 0 || delete_draft (self, save->draft_id, error);
}

gint64
nb_store_save_capture (NbStore     *self,
                       const char  *event_name,
                       const char  *event_date,
                       const char  *place,
                       GPtrArray   *lines,
                       gint64       draft_id,
                       GArray     **out_person_ids,
                       GError     **error)
{
  g_autoptr(GArray) person_ids = NULL;
  g_autoptr(GHashTable) new_people = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  SaveCapture save = { 0, };

  g_return_val_if_fail (NB_IS_STORE (self), 0);
  g_return_val_if_fail (event_name != NULL, 0);
  g_return_val_if_fail (lines != NULL, 0);
  g_return_val_if_fail (out_person_ids == NULL || *out_person_ids == NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (event_date == NULL || *event_date == '\0')
    event_date = today = nb_date_today_iso ();
  if (!nb_date_parse_iso (event_date, NULL, error))
    return 0;

  name = g_strstrip (g_strdup (event_name));
  person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  new_people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  save.event_name = name;
  save.event_date = event_date;
  save.place = place != NULL ? place : "";
  save.lines = lines;
  save.draft_id = draft_id;
  save.person_ids = person_ids;
  save.new_people = new_people;

  if (!nb_store_transaction (self, save_capture_cb, &save, error))
    return 0;

  if (out_person_ids != NULL)
    *out_person_ids = g_steal_pointer (&person_ids);
  return save.event_id;
}
