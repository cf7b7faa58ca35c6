/* nb-export-dialog.h: taking the network out: pick a format, then where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-export.h"
#include "nb-window.h"

G_BEGIN_DECLS

/* Asks for the format (a message dialog), then for the file or, for
 * Markdown, the folder; exports and says how it went in a toast. */
void         nb_export_dialog_run          (NbWindow            *window);
/* The alert (nb-dialog.h) that asks for the format, not yet shown; its
 * responses are the formats' names (nb_export_format_to_string()). */
GtkWidget   *nb_export_dialog_new_format_picker (GtkWindow *parent);
/* Exports everyone to @dest and shows a toast in @window: "Exported 12
 * people", or the error. */
void         nb_export_dialog_export_async  (NbWindow            *window,
                                             NbExportFormat       format,
                                             GFile               *dest,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     nb_export_dialog_export_finish (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
