/* nb-capture-line-row.h: one person of a quick capture: the line as
 * typed, and under it what will be saved (the parse, who it matches,
 * the problems), with a menu to change the match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_CAPTURE_LINE_ROW (nb_capture_line_row_get_type ())
G_DECLARE_FINAL_TYPE (NbCaptureLineRow, nb_capture_line_row, NB, CAPTURE_LINE_ROW, GtkListBoxRow)

/* Follow-ups count from @today_iso (NULL = today). */
GtkWidget     *nb_capture_line_row_new                (NbStore          *store,
                                                       const char       *today_iso);
GtkEditable   *nb_capture_line_row_get_entry          (NbCaptureLineRow *self);
const char    *nb_capture_line_row_get_text           (NbCaptureLineRow *self);
void           nb_capture_line_row_set_text           (NbCaptureLineRow *self,
                                                       const char       *text);
/* The hints follow the typing after a short pause; this updates them at
 * once (before saving, and in tests). */
void           nb_capture_line_row_update_now         (NbCaptureLineRow *self);
/* The line as it will be saved, person_id set: the user's choice, else
 * the confident match, else 0 (a new person). Transfer full. */
NbCaptureLine *nb_capture_line_row_dup_line           (NbCaptureLineRow *self);
/* Whom the line is saved to, as nb_capture_line_row_dup_line() says. */
gint64         nb_capture_line_row_get_person_id      (NbCaptureLineRow *self);
/* The people the name may be (NbMatch*), surest first. Transfer none. */
GPtrArray     *nb_capture_line_row_get_matches        (NbCaptureLineRow *self);
/* What the "Change" menu does: @person_id, or 0 for a new person. The
 * choice holds until the name is changed. */
void           nb_capture_line_row_choose_person      (NbCaptureLineRow *self,
                                                       gint64            person_id);
/* The hint rows' text, "" when hidden (for tests). */
const char    *nb_capture_line_row_get_parse_hint     (NbCaptureLineRow *self);
const char    *nb_capture_line_row_get_match_hint     (NbCaptureLineRow *self);
const char    *nb_capture_line_row_get_problem_hint   (NbCaptureLineRow *self);
GtkMenuButton *nb_capture_line_row_get_change_button  (NbCaptureLineRow *self);

/* The capture's short day, "Fri 27 Nov"; NULL if @date_iso is not a
 * date. Shared by the capture's files. */
char          *_nb_capture_format_day                 (const char       *date_iso);

G_END_DECLS
