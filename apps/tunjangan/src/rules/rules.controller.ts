import { CurrentIdentity, type Identity } from '@app/auth';
import { dateParam, notFound } from '@app/service-kit';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { assertAdmin } from '../common/tunjangan-access';
import { TppRuleSetDto } from './rule-set.dto';
import { RuleSetStore } from './rule-set.store';
import { TppRuleSetResponse, TaxRuleVersionResponse } from './rules.responses';
import { TAX_RULE_KINDS, TaxRuleStore, type TaxRuleKind } from './tax-rule.store';

/**
 * The TPP rule sets (changed by BKD admins, each change audited by the gateway like every mutating
 * request) and the tax rules (read-only: they follow national regulation, seeded from reviewed files).
 */
@ApiTags('rules')
@Controller()
export class RulesController {
  constructor(
    private readonly ruleSets: RuleSetStore,
    private readonly taxRules: TaxRuleStore,
  ) {}

  @Get('rule-sets')
  @ApiOkResponse({ type: [TppRuleSetResponse] })
  listRuleSets(@CurrentIdentity() who: Identity): Promise<TppRuleSetResponse[]> {
    assertAdmin(who);
    return this.ruleSets.list();
  }

  /** Adds or replaces the rule set taking effect on `effectiveFrom`; the months before it keep theirs. */
  @Put('rule-sets/:effectiveFrom')
  @ApiOkResponse({ type: TppRuleSetResponse })
  putRuleSet(@CurrentIdentity() who: Identity, @Param('effectiveFrom') effectiveFrom: string, @Body() dto: TppRuleSetDto): Promise<TppRuleSetResponse> {
    assertAdmin(who);
    return this.ruleSets.put(dateParam(effectiveFrom, 'effectiveFrom'), dto.effectiveTo ?? null, dto.source, dto.value, who.nip);
  }

  @Get('tax-rules')
  @ApiQuery({ name: 'kind', required: false, enum: TAX_RULE_KINDS })
  @ApiOkResponse({ type: [TaxRuleVersionResponse] })
  listTaxRules(@CurrentIdentity() who: Identity, @Query('kind') kind?: string): Promise<TaxRuleVersionResponse[]> {
    assertAdmin(who);
    if (kind !== undefined && !(TAX_RULE_KINDS as readonly string[]).includes(kind)) throw notFound(`Jenis aturan pajak ${kind}`);
    return this.taxRules.list(kind as TaxRuleKind | undefined);
  }
}
