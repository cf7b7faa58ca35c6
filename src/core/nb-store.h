/* nb-store.h: Netbook's relationship store, one SQLite file.
 *
 * Every write is one transaction (or part of the caller's transaction in
 * nb_store_transaction()); change signals are emitted after the commit,
 * never for rolled-back work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-briefing.h"
#include "nb-capture.h"
#include "nb-entry.h"
#include "nb-error.h"
#include "nb-event.h"
#include "nb-match.h"
#include "nb-person.h"
#include "nb-trust.h"
#include "nb-types.h"

G_BEGIN_DECLS

/* The current schema version (PRAGMA user_version). */
#define NB_STORE_SCHEMA_VERSION 6

#define NB_TYPE_STORE (nb_store_get_type ())
G_DECLARE_FINAL_TYPE (NbStore, nb_store, NB, STORE, GObject)

/* One search result. */
typedef struct {
  NbPerson *person;   /* a reference; read-only: it may be the people
                       * model's own object (see nb_store_search()) */
  char     *snippet;  /* where it matched (plain text, never markup), may be NULL */
  double    rank;     /* lower is better */
} NbSearchHit;

void nb_search_hit_free (NbSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbSearchHit, nb_search_hit_free)

/* $XDG_DATA_HOME/netbook/netbook.db (newly allocated). */
char        *nb_store_get_default_path (void);

/* Opens or creates the database at @path (NULL = default path). A new
 * file is created 0600 inside a 0700 folder. A file that is not a SQLite
 * database, is truncated or damaged, belongs to another program or to a
 * newer Netbook is refused with an NB_STORE_ERROR whose message names the
 * file, says what is wrong and what the user can do, and is left
 * byte-for-byte untouched. Before migrating an older schema, a copy is
 * taken next to it ("netbook.db.before-v2.bak"). */
NbStore     *nb_store_open             (const char  *path,
                                        GError     **error);
const char  *nb_store_get_path         (NbStore     *self);

/* Gives the pages the connection keeps cached (up to 8 MiB) back to the
 * allocator, after a burst of reading the next minutes will not repeat,
 * such as a window's start-up: the people table read in name order, the
 * agenda's indexes. The system's file cache keeps them a read away.
 * Pages of a write in progress stay. */
void         nb_store_release_memory   (NbStore     *self);

/* Whether another process (netbook-cli, say) committed to the notebook
 * since the store last looked (or opened it). If so, the people model,
 * the timelines and the follow-ups model are read again, and
 * "changed-outside" tells the rest to: which people and entries changed
 * is not known. For when the app comes back to the front. FALSE inside
 * a transaction, and for the store's own changes, which it signals as
 * it makes them. */
gboolean     nb_store_check_outside_changes (NbStore *self);

/* Runs @func inside one transaction: everything it does through the store
 * commits together or not at all (return FALSE with @error set to roll
 * back). Store calls made by @func join the transaction. */
typedef gboolean (*NbStoreFunc) (NbStore   *store,
                                 gpointer   user_data,
                                 GError   **error);
gboolean     nb_store_transaction      (NbStore     *self,
                                        NbStoreFunc  func,
                                        gpointer     user_data,
                                        GError     **error);

/* ---- People ---------------------------------------------------------- */

/* Refuses an empty (or whitespace-only) display name, invalid dates and
 * a photo over 10 MB with NB_STORE_ERROR_INVALID. Sets the person's id
 * and timestamps. Update writes the photo only if it is known
 * (nb_person_get_photo_known()): saving a person from a list keeps it. */
gint64       nb_store_add_person       (NbStore     *self,
                                        NbPerson    *person,
                                        GError     **error);
gboolean     nb_store_update_person    (NbStore     *self,
                                        NbPerson    *person,
                                        GError     **error);
/* A new object each call, with the photo; NB_STORE_ERROR_NOT_FOUND if
 * missing or deleted. */
NbPerson    *nb_store_get_person       (NbStore     *self,
                                        gint64       person_id,
                                        GError     **error);
/* The card and tags only, without the photo, the list summary or trust
 * (which read the whole timeline): for a name in a list. */
NbPerson    *nb_store_get_person_card  (NbStore     *self,
                                        gint64       person_id,
                                        GError     **error);
/* Deleting is undoable until the store is closed: the person and their
 * entries are hidden, then purged by nb_store_purge_deleted(). */
gboolean     nb_store_delete_person    (NbStore     *self,
                                        gint64       person_id,
                                        GError     **error);
gboolean     nb_store_undelete_person  (NbStore     *self,
                                        gint64       person_id,
                                        GError     **error);
gboolean     nb_store_set_person_archived (NbStore  *self,
                                           gint64    person_id,
                                           gboolean  archived,
                                           GError  **error);
/* People sorted by name (NbPerson*, summaries filled in). @tag may be
 * NULL; archived people only when @include_archived. */
GPtrArray   *nb_store_list_people      (NbStore     *self,
                                        const char  *tag,
                                        gboolean     include_archived,
                                        GError     **error);
/* Resolves what a user typed: a numeric id, or a name matched case- and
 * accent-insensitively (exact full name first, then unique prefix/word).
 * The person found comes with the photo, candidates without.
 * Sets NB_STORE_ERROR_NOT_FOUND or NB_STORE_ERROR_AMBIGUOUS; in the
 * latter case *@candidates (if not NULL) receives the NbPerson* matches. */
NbPerson    *nb_store_resolve_person   (NbStore     *self,
                                        const char  *spec,
                                        GPtrArray  **candidates,
                                        GError     **error);
/* All tags in use, sorted. */
GStrv        nb_store_list_tags        (NbStore     *self,
                                        GError     **error);

/* ---- Entries --------------------------------------------------------- */

/* Validates kind/status/dates (NB_STORE_ERROR_INVALID) and that the
 * person (and other person, event) exist (NB_STORE_ERROR_NOT_FOUND). An
 * introduction needs an other person. A follow-up needs a due date. */
gint64       nb_store_add_entry        (NbStore     *self,
                                        NbEntry     *entry,
                                        GError     **error);
gboolean     nb_store_update_entry     (NbStore     *self,
                                        NbEntry     *entry,
                                        GError     **error);
NbEntry     *nb_store_get_entry        (NbStore     *self,
                                        gint64       entry_id,
                                        GError     **error);
gboolean     nb_store_set_entry_status (NbStore     *self,
                                        gint64       entry_id,
                                        NbStatus     status,
                                        GError     **error);
/* Undoable like people. */
gboolean     nb_store_delete_entry     (NbStore     *self,
                                        gint64       entry_id,
                                        GError     **error);
gboolean     nb_store_undelete_entry   (NbStore     *self,
                                        gint64       entry_id,
                                        GError     **error);
/* The person's timeline (NbEntry*), newest first (date, then id),
 * including introductions where they are the other person. */
GPtrArray   *nb_store_list_entries     (NbStore     *self,
                                        gint64       person_id,
                                        GError     **error);
/* Open follow-ups of everyone, due date ascending; only those due before
 * @today_iso when @overdue_only. @today_iso NULL = today. */
GPtrArray   *nb_store_list_followups   (NbStore     *self,
                                        gboolean     overdue_only,
                                        const char  *today_iso,
                                        GError     **error);
/* Open follow-ups of everyone due on or before @last_due_iso (a valid
 * date), due date ascending: the agenda's overdue and coming week. */
GPtrArray   *nb_store_list_followups_due_by (NbStore    *self,
                                             const char *last_due_iso,
                                             GError    **error);
/* Meetings dated after @today_iso, soonest first. */
GPtrArray   *nb_store_list_upcoming_meetings (NbStore    *self,
                                              const char *today_iso,
                                              GError    **error);
/* People (not archived) with a cadence whose last contact is older than
 * it, most overdue first. */
GPtrArray   *nb_store_list_going_cold  (NbStore     *self,
                                        const char  *today_iso,
                                        GError     **error);
/* People met (met_date or created) in the last @days days with no
 * follow-up at all. */
GPtrArray   *nb_store_list_recent_without_followup (NbStore    *self,
                                                    const char *today_iso,
                                                    guint       days,
                                                    GError    **error);
/* Help, referrals and introductions given and received, whole network. */
gboolean     nb_store_get_goodwill     (NbStore     *self,
                                        guint       *given,
                                        guint       *received,
                                        GError     **error);

/* ---- Events ---------------------------------------------------------- */

gint64       nb_store_add_event        (NbStore     *self,
                                        NbEvent     *event,
                                        GError     **error);
NbEvent     *nb_store_get_event        (NbStore     *self,
                                        gint64       event_id,
                                        GError     **error);
/* Events, newest first (NbEvent*). */
GPtrArray   *nb_store_list_events      (NbStore     *self,
                                        GError     **error);
gboolean     nb_store_add_attendee     (NbStore     *self,
                                        gint64       event_id,
                                        gint64       person_id,
                                        GError     **error);
/* NbPerson* met at the event, by name. */
GPtrArray   *nb_store_list_attendees   (NbStore     *self,
                                        gint64       event_id,
                                        GError     **error);

/* ---- My profile ------------------------------------------------------ */

/* What I offer and what I am looking for. Never NULL on success. */
gboolean     nb_store_get_profile      (NbStore     *self,
                                        char       **offers,
                                        char       **looking_for,
                                        GError     **error);
gboolean     nb_store_set_profile      (NbStore     *self,
                                        const char  *offers,
                                        const char  *looking_for,
                                        GError     **error);

/* ---- Search, trust, briefing ----------------------------------------- */

/* Full-text search over names, companies, roles, tags and entry text;
 * case- and accent-insensitive, partial words match as the user types;
 * best first; one hit per person. @limit 0 = no limit. Each hit's person
 * has its card, tags and the list's summary; while the people model is
 * loaded it is the model's object, with stage and trust too. */
GPtrArray   *nb_store_search           (NbStore     *self,
                                        const char  *query,
                                        guint        limit,
                                        GError     **error);
/* The ids of the people nb_store_search() finds for @query, in its
 * order, and nothing else: what a list that holds everyone needs to
 * filter and sort itself as the user types (no cards, no snippets). */
GArray      *nb_store_search_ids       (NbStore     *self,
                                        const char  *query,
                                        GError     **error);
/* nb_trust_compute() over the person's stored timeline, plus next steps
 * that need the network (introductions). @today_iso NULL = today. */
NbTrust     *nb_store_compute_trust    (NbStore     *self,
                                        gint64       person_id,
                                        const char  *today_iso,
                                        GError     **error);
NbBriefing  *nb_store_build_briefing   (NbStore     *self,
                                        gint64       person_id,
                                        const char  *today_iso,
                                        GError     **error);

/* ---- Live models ----------------------------------------------------- */

/* Each getter returns a new reference (transfer full): unref it when
 * done. The store keeps the people and follow-ups models alive itself;
 * a timeline model lives as long as someone holds it (the store tracks
 * it weakly). Models change only after a commit, never mid-transaction. */

/* NbPerson* of everyone not deleted (archived included), by sort key,
 * kept up to date by the store. The same model on every call. */
GListModel  *nb_store_get_people_model (NbStore     *self);
/* The same model, for a list's first screen: if it is not loaded yet,
 * only the first @n_first people (by sort key) are read, and the model
 * is marked incomplete until nb_store_complete_people_model(), any call
 * of nb_store_get_people_model() or any committed change reads the rest
 * (one items-changed replacing them all). Reading everyone with their
 * summaries takes a few hundred milliseconds at 10,000 people. */
GListModel  *nb_store_get_people_model_first (NbStore  *self,
                                              guint     n_first);
/* Reads the people an incomplete people model lacks; nothing otherwise. */
void         nb_store_complete_people_model  (NbStore  *self);
/* FALSE while the people model holds only its first people. */
gboolean     nb_store_is_people_model_complete (NbStore *self);
/* NbEntry* of one person's timeline, newest first, kept up to date. */
GListModel  *nb_store_get_timeline_model (NbStore   *self,
                                          gint64     person_id);
/* NbEntry* of open follow-ups, due first, kept up to date. */
GListModel  *nb_store_get_followups_model (NbStore  *self);

/* ---- Maintenance ----------------------------------------------------- */

/* A consistent copy through SQLite's online backup API, written to a
 * temporary file and renamed over @dest_path, mode 0600. */
gboolean     nb_store_backup           (NbStore     *self,
                                        const char  *dest_path,
                                        GError     **error);
/* Removes what was deleted (and not undone) for good. */
gboolean     nb_store_purge_deleted    (NbStore     *self,
                                        GError     **error);

/* ---- Capture (nb-store-capture.c, nb-match.c) ------------------------- */

/* Who a name typed in a capture may be (NbMatch*), surest first, at most
 * 8; nb_match_pick() gives the one to use without asking. Archived
 * people count, deleted ones do not. @company may be NULL. The rules are
 * in nb-match.h. */
GPtrArray   *nb_store_match_name       (NbStore     *self,
                                        const char  *name,
                                        const char  *company,
                                        GError     **error);
/* Saves @draft exactly as typed, in a transaction of its own (never call
 * it inside nb_store_transaction(): a draft must not wait for other work
 * nor roll back with it). A @draft with id 0 is added and gets its id;
 * otherwise that draft is replaced, or made again if it was discarded
 * meanwhile. Sets the timestamps. Returns the id, 0 on error. */
gint64       nb_store_save_capture_draft   (NbStore         *self,
                                            NbCaptureDraft  *draft,
                                            GError         **error);
/* The unfinished captures (NbCaptureDraft*), last changed first. */
GPtrArray   *nb_store_load_capture_drafts  (NbStore         *self,
                                            GError         **error);
/* A draft already gone is not an error. */
gboolean     nb_store_discard_capture_draft (NbStore        *self,
                                             gint64          draft_id,
                                             GError        **error);
/* Saves a capture, all or nothing, in one transaction, and returns the
 * event's id (0 on error):
 * - the event @event_name on @event_date (NULL or "" = today) at @place
 *   (may be NULL); an event of the same name (case- and
 *   accent-insensitive) on that day is reused, not made twice;
 * - for each NbCaptureLine of @lines (blank ones are skipped, one with
 *   problems is refused with NB_STORE_ERROR_INVALID "Line N: …"): the
 *   person line->person_id, or when 0 a new person (name, company,
 *   tags, met on the event's date at the event) — two lines with the
 *   same new name are one new person; an existing person gets the
 *   line's tags added, and its company if the card had none;
 * - the person as an attendee, a conversation dated the event's day and
 *   linked to it (the note, or "Met at EVENT"), and the follow-up;
 * - the draft @draft_id (0 = none) discarded.
 * @out_person_ids (may be NULL) receives a GArray of gint64: the person
 * each line was saved to, 0 for blank lines. */
gint64       nb_store_save_capture     (NbStore     *self,
                                        const char  *event_name,
                                        const char  *event_date,
                                        const char  *place,
                                        GPtrArray   *lines,
                                        gint64       draft_id,
                                        GArray     **out_person_ids,
                                        GError     **error);

G_END_DECLS

/* Signals:
 *   "person-changed" (gint64 person_id, NbChange change)
 *   "entry-changed"  (gint64 entry_id, gint64 person_id,
 *                     gint64 other_person_id, NbChange change)
 *   "profile-changed" ()
 *   "event-changed"  (gint64 event_id, NbChange change)
 *   "changed-outside" ()
 */
