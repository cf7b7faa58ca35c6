/* nb-import-dialog.h: bringing a network in from a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-import.h"
#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_IMPORT_DIALOG (nb_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NbImportDialog, nb_import_dialog, NB, IMPORT_DIALOG, AdwWindow)

NbImportDialog *nb_import_dialog_new          (GtkWindow      *parent,
                                               NbStore        *store);
/* Asks for the file with the file chooser portal, then shows the dialog;
 * the dialog destroys itself when the chooser is cancelled. */
void            nb_import_dialog_choose_file  (NbImportDialog *self);
/* Takes @file as if chosen: reads its start, detects the format, then
 * shows the column mapping (generic CSV) or starts importing. */
void            nb_import_dialog_set_file     (NbImportDialog *self,
                                               GFile          *file);
/* What the mapping step is importing (the Import button). */
void            nb_import_dialog_start        (NbImportDialog *self);
/* Cancel: while importing, nothing is added. */
void            nb_import_dialog_cancel       (NbImportDialog *self);
/* "reading", "mapping", "progress", "report" or "error". */
const char     *nb_import_dialog_get_page     (NbImportDialog *self);
NbImportFormat  nb_import_dialog_get_format   (NbImportDialog *self);
/* The finished import's report, or NULL. */
const NbImportReport *nb_import_dialog_get_report (NbImportDialog *self);
/* The mapping step's column for the @index-th header. */
NbImportColumn  nb_import_dialog_get_column   (NbImportDialog *self,
                                               guint           index);
void            nb_import_dialog_set_column   (NbImportDialog *self,
                                               guint           index,
                                               NbImportColumn  column);

G_END_DECLS
