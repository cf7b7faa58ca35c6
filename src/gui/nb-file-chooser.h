/* nb-file-chooser.h: one way to ask for a file, through the portal.
 *
 * GtkFileChooserNative on GTK 4.8, GtkFileDialog where it exists: both
 * go through the file chooser portal in a sandbox, so the Flatpak needs
 * no filesystem permission.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  NB_FILE_CHOOSER_OPEN,
  NB_FILE_CHOOSER_SAVE,
  NB_FILE_CHOOSER_FOLDER,
} NbFileChooserMode;

/* @file is NULL when the user cancelled. */
typedef void (*NbFileChosenFunc) (GFile    *file,
                                  gpointer  user_data);

/* @filters: GtkFileFilter, may be NULL; the first is selected.
 * @initial_folder, @initial_name may be NULL. @user_data is kept until
 * @callback runs, through @destroy. */
void nb_file_chooser_run (GtkWindow         *parent,
                          NbFileChooserMode  mode,
                          const char        *title,
                          const char        *accept_label,
                          GListModel        *filters,
                          GFile             *initial_folder,
                          const char        *initial_name,
                          NbFileChosenFunc   callback,
                          gpointer           user_data,
                          GDestroyNotify     destroy);

/* A filter named @name for the patterns, NULL-terminated. */
GtkFileFilter *nb_file_filter_new (const char *name,
                                   const char *first_pattern,
                                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
