import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EmployeeStatus, EmploymentType, PositionType } from '@app/contracts';

@Entity({ name: 'unit' })
export class UnitEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'int' })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'position' })
export class PositionEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: PositionType;

  @Column({ type: 'text', nullable: true })
  eselon!: string | null;

  @Column({ type: 'text', nullable: true })
  jenjang!: string | null;

  @Column({ name: 'kelas_jabatan', type: 'int' })
  kelasJabatan!: number;

  @Index()
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'int' })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'employee' })
export class EmployeeEntity {
  @PrimaryColumn({ type: 'char', length: 18 })
  nip!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ type: 'char', length: 1 })
  sex!: 'L' | 'P';

  @Column({ name: 'employment_type', type: 'text' })
  employmentType!: EmploymentType;

  @Column({ type: 'text' })
  golongan!: string;

  @Index()
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'position_code', type: 'text' })
  positionCode!: string;

  @Column({ name: 'tmt_cpns', type: 'date' })
  tmtCpns!: string;

  @Column({ type: 'text' })
  status!: EmployeeStatus;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** Optimistic lock: every change must name the version it was based on. */
  @Column({ type: 'int' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export type HistorySection = 'golongan' | 'jabatan' | 'unit' | 'status' | 'pendidikan' | 'diklat' | 'hukuman_disiplin' | 'penghargaan' | 'data_pribadi';

/** Riwayat: one row per recorded event in an employee's career, with its decree (SK) and TMT. */
@Entity({ name: 'employee_history' })
@Index(['nip', 'tmt'])
export class EmployeeHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'char', length: 18 })
  nip!: string;

  @Column({ type: 'text' })
  section!: HistorySection;

  @Column({ name: 'sk_number', type: 'text', nullable: true })
  skNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  tmt!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

export const SIAP_ENTITIES = [UnitEntity, PositionEntity, EmployeeEntity, EmployeeHistoryEntity];
