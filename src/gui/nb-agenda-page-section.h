/* nb-agenda-page-section.h: one list of the agenda page, shown a few
 * rows at a time.
 *
 * A section keeps everything the store listed (most urgent first) but
 * gives its GtkListBox only the first few items and a last "Show 50 More"
 * row: a notebook with 1,300 people going cold builds 5 rows, not 1,300,
 * each of which GTK would measure before the first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Rows a section shows until the user asks for more. */
#define NB_AGENDA_SECTION_FIRST 5
/* Rows each "Show More" adds. */
#define NB_AGENDA_SECTION_STEP  50

typedef struct
{
  GtkListBox                 *list;        /* unowned: the template's */
  GListStore                 *shown;       /* the items with a row, then the "more" marker */
  GPtrArray                  *items;       /* all of them, most urgent first */
  GObject                    *more;        /* the item standing for the "Show More" row */
  guint                       limit;       /* items the user wants to see */
  GtkListBoxCreateWidgetFunc  create_row;
  gpointer                    user_data;
} NbAgendaSection;

void      _nb_agenda_section_init        (NbAgendaSection            *section,
                                          GtkListBox                 *list,
                                          GtkListBoxCreateWidgetFunc  create_row,
                                          gpointer                    user_data);
void      _nb_agenda_section_clear       (NbAgendaSection            *section);
/* Takes @items (NULL for none). Rows are rebuilt for what is shown only,
 * and as many as the user last asked for stay shown. */
void      _nb_agenda_section_set_items   (NbAgendaSection            *section,
                                          GPtrArray                  *items);
/* Every item, shown or not. */
guint     _nb_agenda_section_get_n_items (NbAgendaSection            *section);
/* Items with a row. */
guint     _nb_agenda_section_get_n_shown (NbAgendaSection            *section);
/* Shows up to NB_AGENDA_SECTION_STEP more items and moves the focus to
 * the first one. */
void      _nb_agenda_section_show_more   (NbAgendaSection            *section);
/* The item behind @row (borrowed), or NULL for the "Show More" row. */
gpointer  _nb_agenda_section_get_item    (NbAgendaSection            *section,
                                          GtkListBoxRow              *row);

G_END_DECLS
