import type { FileShare, SharingLink, StoredFile } from '../../core/ports/file-share.js';

/** A recording FileShare for tests that need no simulated tenant. */
export class FakeFileShare implements FileShare {
  readonly uploads: {
    fileName: string;
    content: Uint8Array;
    contentType: string;
    file: StoredFile;
  }[] = [];
  readonly shares: { file: StoredFile; recipients: string[]; type: string; expiresAt: Date }[] = [];
  readonly revoked: { file: StoredFile; permissionId: string }[] = [];
  readonly deleted: StoredFile[] = [];
  failDeleteTimes = 0;
  private next = 1;

  async upload(fileName: string, content: Uint8Array, contentType: string): Promise<StoredFile> {
    const file = { driveId: 'drive-1', itemId: `item-${this.next++}` };
    this.uploads.push({ fileName, content, contentType, file });
    return file;
  }

  async shareWithPeople(
    file: StoredFile,
    recipients: string[],
    options: { type: 'blocksDownload' | 'view'; expiresAt: Date },
  ): Promise<SharingLink> {
    this.shares.push({ file, recipients, ...options });
    return {
      permissionId: `perm-${file.itemId}`,
      webUrl: `https://sharepoint.example/${file.itemId}`,
      expiresAt: options.expiresAt,
    };
  }

  async revoke(file: StoredFile, permissionId: string): Promise<void> {
    this.revoked.push({ file, permissionId });
  }

  async delete(file: StoredFile): Promise<void> {
    if (this.failDeleteTimes > 0) {
      this.failDeleteTimes -= 1;
      throw new Error('503 Service Unavailable after retries');
    }
    this.deleted.push(file);
  }
}
