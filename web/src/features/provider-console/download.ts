import { client, ProblemError, toProblem } from '../../api/client.ts';

/**
 * Downloads a package's pilgrim manifest (CSV) through the API client, so a
 * refusal shows as a problem on the page instead of replacing the page.
 */
export async function downloadManifest(packageId: string, fileName: string): Promise<void> {
  const { data, error } = await client.GET('/api/v1/provider/packages/{id}/manifest.csv', { params: { path: { id: packageId } }, parseAs: 'blob' });
  if (error !== undefined || !(data instanceof Blob)) throw new ProblemError(toProblem(error));
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
