/* nb-capture.h: the after-event quick capture, one line per person met.
 *
 * A line:
 *
 *   NAME [(COMPANY) | , COMPANY] [: NOTE]   with #tags and one !WHEN anywhere
 *
 *   Bob Haddad (Blue Harbor): wants restaurant referrals #insurance !fri
 *   Priya Raghunathan, Spa Olivia: looking for a bookkeeper
 *
 * - NAME runs to the first "(", "," or ":"; the company is in parentheses
 *   or after a comma, up to the ":" (or a second comma); the note is what
 *   follows the ":". After "(COMPANY)" the rest of the line is the note,
 *   with or without a ":". Only the first ":" separates: the note may hold
 *   more, and the colons of "http://…" and "10:30" never separate.
 * - "#tag" at the start of a word is a tag (letters, digits, "-", "_"; at
 *   least one letter: "#1" is text). Tags are taken out of the text.
 * - "!WHEN" at the start of a word is the follow-up's due date, anything
 *   nb_date_parse_relative() reads: !today !tomorrow !fri !friday
 *   !next week !next month !in 3 days !in 2 weeks !in 1 month !2026-12-01.
 *   What "!" starts but is not a date stays in the text and is a problem
 *   of the line. A second follow-up is a problem too.
 * - A blank line is nothing. A line without a name, or whose name looks
 *   like an address or has no letter, has a problem.
 *
 * A line with problems is not saved: nb_store_save_capture() refuses it,
 * so that nothing typed is silently dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One parsed line. All strings are trimmed, with runs of white space made
 * one space, and never NULL except the follow-up's. */
typedef struct {
  char       *name;
  char       *company;
  char       *note;            /* without the tags and the follow-up */
  GStrv       tags;            /* without "#", in order, unique; never NULL */
  char       *followup_due;    /* YYYY-MM-DD, NULL = no follow-up */
  char       *followup_text;   /* the note, or "Follow up with NAME"; NULL = none */
  GPtrArray  *problems;        /* char*: translated sentences; never NULL */

  /* Who the line is saved to: an existing person's id, or 0 for a new
   * person. nb_capture_parse_line() leaves it 0: the caller sets it from
   * nb_store_match_name() and the user's choice. */
  gint64      person_id;
} NbCaptureLine;

#define NB_TYPE_CAPTURE_LINE (nb_capture_line_get_type ())
GType          nb_capture_line_get_type (void) G_GNUC_CONST;

/* Never NULL. @today_iso is what relative dates count from (NULL =
 * today). */
NbCaptureLine *nb_capture_parse_line    (const char          *line,
                                         const char          *today_iso);
/* One NbCaptureLine per line of @text ("\n" or "\r\n"), blank lines
 * included so that index + 1 is the line number; none for "". */
GPtrArray     *nb_capture_parse_text    (const char          *text,
                                         const char          *today_iso);
/* Nothing at all on the line: skipped when saving. */
gboolean       nb_capture_line_is_blank (const NbCaptureLine *line);
/* Not blank and without problems. */
gboolean       nb_capture_line_is_valid (const NbCaptureLine *line);
NbCaptureLine *nb_capture_line_copy     (const NbCaptureLine *line);
void           nb_capture_line_free     (NbCaptureLine       *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbCaptureLine, nb_capture_line_free)

/* An unfinished capture, exactly as typed (nothing is checked: a half
 * typed date must still be kept). Saved by nb_store_save_capture_draft(). */
typedef struct {
  gint64  id;            /* 0 until first saved */
  char   *event_name;    /* never NULL */
  char   *event_date;    /* never NULL */
  char   *place;         /* never NULL */
  char   *body;          /* the lines, "\n"-separated; never NULL */
  gint64  created;       /* microseconds since the epoch (as         */
  gint64  updated;       /* g_get_real_time()), set by the store     */
} NbCaptureDraft;

#define NB_TYPE_CAPTURE_DRAFT (nb_capture_draft_get_type ())
GType           nb_capture_draft_get_type (void) G_GNUC_CONST;

/* NULL arguments are "". */
NbCaptureDraft *nb_capture_draft_new      (const char           *event_name,
                                           const char           *event_date,
                                           const char           *place,
                                           const char           *body);
/* Every field empty or white space: nothing worth offering back. */
gboolean        nb_capture_draft_is_empty (const NbCaptureDraft *draft);
NbCaptureDraft *nb_capture_draft_copy     (const NbCaptureDraft *draft);
void            nb_capture_draft_free     (NbCaptureDraft       *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbCaptureDraft, nb_capture_draft_free)

G_END_DECLS
