import { CurrentIdentity, type Identity } from '@app/auth';
import { Body, Controller, Get, HttpCode, Ip, Param, Post, Put } from '@nestjs/common';
import { nipParam } from '@app/service-kit';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Open, RequireRoles } from './access.guard';
import { AccountDirectory } from './account-directory';
import { ActivateDto, ChangePasswordDto, LoginDto, RefreshDto, RolesDto } from './auth.dto';
import { AccountStateResponse, ActivationCodeResponse, MeResponse, RolesResponse, TokenPairResponse } from './auth.responses';
import { AuthService } from './auth.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountDirectory,
  ) {}

  @Open()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<TokenPairResponse> {
    return this.auth.login(dto.nip, dto.password, address);
  }

  @Open()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Open()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session has ended' })
  async logout(@Body() dto: RefreshDto) {
    await this.auth.logout(dto.refreshToken);
  }

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every session has ended' })
  async changePassword(@CurrentIdentity() identity: Identity, @Body() dto: ChangePasswordDto) {
    await this.auth.changePassword(identity, dto.currentPassword, dto.newPassword);
  }

  @Open()
  @Post('activate')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Activated: log in with the new password' })
  async activate(@Body() dto: ActivateDto) {
    await this.auth.activate(dto.nip, dto.code, dto.newPassword);
  }

  @RequireRoles('ADMIN_BKD')
  @Post('accounts/:nip/activation')
  @ApiCreatedResponse({ type: ActivationCodeResponse })
  issueActivation(@CurrentIdentity() who: Identity, @Param('nip') nip: string): Promise<ActivationCodeResponse> {
    return this.auth.issueActivation(who, nipParam(nip));
  }

  @RequireRoles('ADMIN_BKD')
  @Put('accounts/:nip/roles')
  @ApiOkResponse({ type: RolesResponse })
  setRoles(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: RolesDto): Promise<RolesResponse> {
    return this.auth.setRoles(who, nipParam(nip), dto.roles);
  }

  /** Who is logged in (roles as they stand now): the portal asks after login which pages to show. */
  @Get('me')
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentIdentity() who: Identity): Promise<MeResponse> {
    return this.accounts.me(who);
  }

  /** An account's state: activated, roles, an outstanding activation code, the last login. BKD for anyone, an operator for employees of their units. */
  @RequireRoles('ADMIN_BKD', 'OPERATOR_OPD')
  @Get('accounts/:nip')
  @ApiOkResponse({ type: AccountStateResponse })
  account(@CurrentIdentity() who: Identity, @Param('nip') nip: string): Promise<AccountStateResponse> {
    return this.accounts.state(who, nipParam(nip));
  }
}
