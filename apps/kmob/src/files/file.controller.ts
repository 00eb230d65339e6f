import { CurrentIdentity, type Identity } from '@app/auth';
import { notFound, uuidParam } from '@app/service-kit';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { KmobAccess } from '../common/kmob-access';
import { StoredFiles } from './stored-files';

/** Selfies of check-ins and request attachments: for the employee, their atasan, their operators and BKD. */
@ApiTags('files')
@Controller('files')
export class FileController {
  constructor(
    private readonly files: StoredFiles,
    private readonly access: KmobAccess,
  ) {}

  @Get(':id')
  @ApiOkResponse({
    description: 'The file itself (a selfie or an attachment)',
    content: Object.fromEntries(['image/jpeg', 'image/png', 'application/pdf'].map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  async get(@CurrentIdentity() who: Identity, @Param('id') id: string, @Res() reply: FastifyReply) {
    uuidParam(id, `Berkas ${id}`);
    const file = await this.files.read(id);
    if (!file) throw notFound(`Berkas ${id}`);
    await this.access.assertCanRead(who, file.nip);
    const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[file.contentType] ?? 'bin';
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${id}.${extension}"`)
      .header('cache-control', 'private, max-age=3600')
      .send(file.bytes);
  }
}
