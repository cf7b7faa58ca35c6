/* nb-capture-window-lines.c: the capture's lines, one per person met,
 * and the keyboard between them: Enter starts the next line, Up and
 * Down move, Backspace on an empty line removes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-capture-window-private.h"

/* ---- Helpers ------------------------------------------------------- */

gboolean
_nb_capture_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

NbCaptureLineRow *
_nb_capture_window_line_at (NbCaptureWindow *self,
                            int              index)
{
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (self->lines_box, index) : NULL;

  return row != NULL ? NB_CAPTURE_LINE_ROW (row) : NULL;
}

guint
_nb_capture_window_count_lines (NbCaptureWindow *self)
{
  guint n = 0;

  while (_nb_capture_window_line_at (self, (int) n) != NULL)
    n++;

  return n;
}

char *
_nb_capture_window_dup_body (NbCaptureWindow *self)
{
  GString *body = g_string_new (NULL);
  NbCaptureLineRow *line;

  for (int i = 0; (line = _nb_capture_window_line_at (self, i)) != NULL; i++)
    g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", nb_capture_line_row_get_text (line));

  return g_string_free (body, FALSE);
}

static void
on_reveal_after_paint_cb (NbCaptureWindow *self,
                          GdkFrameClock   *clock)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  graphene_rect_t bounds;

  g_signal_handlers_disconnect_by_func (clock, on_reveal_after_paint_cb, self);
  self->reveal_pending = FALSE;
  if (self->reveal_target == NULL ||
      !gtk_widget_compute_bounds (self->reveal_target, viewport, &bounds))
    return;
  g_clear_weak_pointer (&self->reveal_target);

  /* The viewport's origin is the visible top: bounds are on screen. */
  if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > page)
    gtk_adjustment_set_value (adjustment,
                              value + MIN (bounds.origin.y, bounds.origin.y + bounds.size.height - page));
}

void
_nb_capture_window_reveal (NbCaptureWindow *self,
                           GtkWidget       *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_set_weak_pointer (&self->reveal_target, widget);
  if (clock == NULL || self->reveal_pending)
    return;

  /* After the frame that lays it out: the adjustment knows the new
   * height and the widget its place. */
  self->reveal_pending = TRUE;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_reveal_after_paint_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self->scroller));
}

void
_nb_capture_window_focus_line (NbCaptureWindow *self,
                               int              index)
{
  NbCaptureLineRow *line = _nb_capture_window_line_at (self, index);
  GtkEditable *entry;

  if (line == NULL)
    return;

  entry = nb_capture_line_row_get_entry (line);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  /* Never select it all: the next key would replace the line. */
  gtk_editable_set_position (entry, -1);
  _nb_capture_window_reveal (self, GTK_WIDGET (line));
}

/* Only the first line explains itself; the others just say what. */
static void
update_placeholders (NbCaptureWindow *self)
{
  NbCaptureLineRow *line;

  for (int i = 0; (line = _nb_capture_window_line_at (self, i)) != NULL; i++)
    gtk_entry_set_placeholder_text (GTK_ENTRY (nb_capture_line_row_get_entry (line)),
                                    i == 0 ? _("Name (Company): note #tag !fri")
                                           : _("Next person"));
}

static void
remove_line (NbCaptureWindow *self,
             int              index)
{
  NbCaptureLineRow *line = _nb_capture_window_line_at (self, index);

  if (line == NULL)
    return;

  gtk_list_box_remove (self->lines_box, GTK_WIDGET (line));
  update_placeholders (self);
  _nb_capture_window_changed (self);
}

/* ---- Callbacks ----------------------------------------------------- */

static void
on_line_changed_cb (NbCaptureWindow *self)
{
  _nb_capture_window_changed (self);
}

/* Enter starts the next line: a new one after the last, or the next
 * one if it is still empty. */
static void
on_line_activated_cb (NbCaptureWindow *self,
                      GtkEntry        *entry)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), NB_TYPE_CAPTURE_LINE_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  NbCaptureLineRow *next = _nb_capture_window_line_at (self, index + 1);

  if (_nb_capture_is_blank (gtk_editable_get_text (GTK_EDITABLE (entry))))
    {
      _nb_capture_window_focus_line (self, index + 1);
      return;
    }

  /* The line is done: its hints now, not after the pause, so the next
   * line is laid out below them and scrolled to where it will stay. */
  nb_capture_line_row_update_now (NB_CAPTURE_LINE_ROW (row));

  if (next == NULL || !_nb_capture_is_blank (nb_capture_line_row_get_text (next)))
    _nb_capture_window_insert_line (self, index + 1, "");
  _nb_capture_window_focus_line (self, index + 1);
  _nb_capture_window_changed (self);
}

/* Captured before the entries see the keys: a single-line entry would
 * keep Up and Down to itself. */
static gboolean
on_lines_key_pressed_cb (NbCaptureWindow       *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row;
  GtkEditable *entry;
  int index;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0 || focus == NULL)
    return GDK_EVENT_PROPAGATE;

  row = gtk_widget_get_ancestor (focus, NB_TYPE_CAPTURE_LINE_ROW);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  entry = nb_capture_line_row_get_entry (NB_CAPTURE_LINE_ROW (row));
  if (focus != GTK_WIDGET (entry) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)))
    return GDK_EVENT_PROPAGATE;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (index == 0)
        gtk_widget_grab_focus (GTK_WIDGET (self->place_row));
      else
        _nb_capture_window_focus_line (self, index - 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      _nb_capture_window_focus_line (self, index + 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_BackSpace:
      if (gtk_editable_get_text (entry)[0] != '\0' || _nb_capture_window_count_lines (self) < 2)
        return GDK_EVENT_PROPAGATE;
      remove_line (self, index);
      _nb_capture_window_focus_line (self, MAX (index - 1, 0));
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* ---- Private API --------------------------------------------------- */

void
_nb_capture_window_init_lines (NbCaptureWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_lines_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->lines_box), keys);
}

NbCaptureLineRow *
_nb_capture_window_insert_line (NbCaptureWindow *self,
                                int              position,
                                const char      *text)
{
  GtkWidget *row = nb_capture_line_row_new (self->store, self->today);
  NbCaptureLineRow *line = NB_CAPTURE_LINE_ROW (row);
  GtkEditable *entry = nb_capture_line_row_get_entry (line);

  nb_capture_line_row_set_text (line, text);
  nb_capture_line_row_update_now (line);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_line_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_line_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_insert (self->lines_box, row, position);
  update_placeholders (self);

  return line;
}

/* ---- Public API ---------------------------------------------------- */

guint
nb_capture_window_get_n_lines (NbCaptureWindow *self)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), 0);

  return _nb_capture_window_count_lines (self);
}

NbCaptureLineRow *
nb_capture_window_get_line (NbCaptureWindow *self,
                            guint            index)
{
  g_return_val_if_fail (NB_IS_CAPTURE_WINDOW (self), NULL);

  return _nb_capture_window_line_at (self, (int) index);
}
