/**
 * The controlled SharePoint library for optional case-list exports (PLATFORM.md §7): upload,
 * share with named people only (scope `users`, no download), expire, revoke, delete.
 */
export interface StoredFile {
  driveId: string;
  itemId: string;
}

export interface SharingLink {
  permissionId: string;
  webUrl: string;
  expiresAt: Date;
}

export interface FileShare {
  upload(fileName: string, content: Uint8Array, contentType: string): Promise<StoredFile>;
  shareWithPeople(
    file: StoredFile,
    recipients: string[],
    options: { type: 'blocksDownload' | 'view'; expiresAt: Date },
  ): Promise<SharingLink>;
  revoke(file: StoredFile, permissionId: string): Promise<void>;
  delete(file: StoredFile): Promise<void>;
}
