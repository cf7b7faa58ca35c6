/* nb-capture-window-private.h: what the files of NbCaptureWindow share.
 *
 * nb-capture-window.c is the window: the event's fields, the draft and
 * saving; nb-capture-window-lines.c is the lines, one per person, and
 * how the keyboard moves through them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-capture-window.h"

G_BEGIN_DECLS

struct _NbCaptureWindow
{
  AdwWindow        parent_instance;

  NbStore         *store;
  NbCaptureDraft  *draft;
  char            *today;
  guint            draft_source;
  gint64           dirty_since;      /* monotonic, of the first unsaved change */
  /* Saved or discarded: nothing left to keep. */
  gboolean         finished;
  /* Filling the fields from a draft is not a change. */
  gboolean         loading;
  char            *event_name;
  guint            n_people_saved;
  /* Scrolled into view once laid out (weak). */
  GtkWidget       *reveal_target;
  gboolean         reveal_pending;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkLabel        *error_label;
  GtkScrolledWindow *scroller;
  AdwEntryRow     *event_row;
  AdwEntryRow     *date_row;
  GtkLabel        *date_label;
  AdwEntryRow     *place_row;
  GtkListBox      *lines_box;
  GtkLabel        *syntax_label;
  GtkLabel        *keys_label;
};

/* ---- nb-capture-window.c ---------------------------------------------- */

/* Something was typed: the draft is saved once typing pauses. */
void              _nb_capture_window_changed     (NbCaptureWindow *self);

/* ---- nb-capture-window-lines.c ---------------------------------------- */

/* Up, Down and Backspace on the lines. */
void              _nb_capture_window_init_lines  (NbCaptureWindow *self);
NbCaptureLineRow *_nb_capture_window_line_at     (NbCaptureWindow *self,
                                                  int              index);
guint             _nb_capture_window_count_lines (NbCaptureWindow *self);
/* The lines' text, "\n"-separated, as a draft keeps it. */
char             *_nb_capture_window_dup_body    (NbCaptureWindow *self);
/* Focuses the line, cursor at the end, and scrolls it into view. */
void              _nb_capture_window_focus_line  (NbCaptureWindow *self,
                                                  int              index);
/* Scrolls @widget into view after the next layout: a line just added
 * has no place on screen yet. */
void              _nb_capture_window_reveal      (NbCaptureWindow *self,
                                                  GtkWidget       *widget);
/* @position -1 appends. */
NbCaptureLineRow *_nb_capture_window_insert_line (NbCaptureWindow *self,
                                                  int              position,
                                                  const char      *text);
gboolean          _nb_capture_is_blank           (const char      *text);

G_END_DECLS
