/* nb-capture-window.h: the after-event quick capture: one event, one
 * line per person met, saved as a draft while typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-capture-line-row.h"
#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_CAPTURE_WINDOW (nb_capture_window_get_type ())
G_DECLARE_FINAL_TYPE (NbCaptureWindow, nb_capture_window, NB, CAPTURE_WINDOW, AdwWindow)

/* A capture transient for @parent (may be NULL), continuing
 * @draft_or_null (copied) or starting afresh: today, no event, one empty
 * line. Emits "saved" (gint64 event_id) once the capture is in the
 * store, then closes. Closing it any other way keeps the draft. */
GtkWidget        *nb_capture_window_new             (GtkWindow       *parent,
                                                     NbStore         *store,
                                                     NbCaptureDraft  *draft_or_null);
NbStore          *nb_capture_window_get_store       (NbCaptureWindow *self);
/* The draft this capture is saved to; 0 until first saved. */
gint64            nb_capture_window_get_draft_id    (NbCaptureWindow *self);
/* Saves the draft now instead of after the typing pause. */
void              nb_capture_window_save_draft      (NbCaptureWindow *self);
/* What Save does: TRUE if the capture was saved (and the window is
 * closing); otherwise the window shows why and keeps everything. */
gboolean          nb_capture_window_save            (NbCaptureWindow *self);

/* For the main window's toast after "saved". */
const char       *nb_capture_window_get_event_name  (NbCaptureWindow *self);
guint             nb_capture_window_get_n_people_saved (NbCaptureWindow *self);

/* For tests. */
GtkEditable      *nb_capture_window_get_event_entry (NbCaptureWindow *self);
GtkEditable      *nb_capture_window_get_date_entry  (NbCaptureWindow *self);
GtkEditable      *nb_capture_window_get_place_entry (NbCaptureWindow *self);
guint             nb_capture_window_get_n_lines     (NbCaptureWindow *self);
NbCaptureLineRow *nb_capture_window_get_line        (NbCaptureWindow *self,
                                                     guint            index);
/* The error that stopped the last save, or NULL. */
const char       *nb_capture_window_get_error       (NbCaptureWindow *self);
/* "Draft saved", or "" before the first save. */
const char       *nb_capture_window_get_draft_status (NbCaptureWindow *self);

G_END_DECLS
