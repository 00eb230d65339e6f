import { ApiProperty } from '@nestjs/swagger';

export class BackdatingWindowResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'The BKD admin who opened it' }) openedBy!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ description: 'Entries made through it so far' }) entries!: number;
}
