/* nb-entry-row.h: one entry on a person's timeline.
 *
 * Its buttons and menu use the "person.*" actions of the page it lives
 * in (edit, delete, status, open-person), so the row needs no signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-entry.h"

G_BEGIN_DECLS

#define NB_TYPE_ENTRY_ROW (nb_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (NbEntryRow, nb_entry_row, NB, ENTRY_ROW, GtkListBoxRow)

/* @partner_name: for an introduction, the name of the other side as
 * seen from @person_id (the page's person), else NULL. @today_iso: the
 * day "3 weeks ago" is counted from. */
GtkWidget *nb_entry_row_new       (NbEntry    *entry,
                                   gint64      person_id,
                                   const char *partner_name,
                                   const char *today_iso);
NbEntry   *nb_entry_row_get_entry (NbEntryRow *self);

/* The entry's menu: its status changes (for kinds with a status), then
 * Edit and Delete, as "person.*" actions targeting the entry. */
GMenuModel *nb_entry_row_build_menu (NbEntry    *entry);
/* "Due tomorrow", "Overdue by 3 days", "Due 2 June 2024"; *@overdue is
 * set for an open follow-up past its due date. */
char       *nb_entry_row_dup_due_text (NbEntry    *entry,
                                       const char *today_iso,
                                       gboolean   *overdue);

G_END_DECLS
