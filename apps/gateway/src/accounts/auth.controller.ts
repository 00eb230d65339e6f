import { CurrentIdentity, type Identity } from '@app/auth';
import { Body, Controller, HttpCode, Ip, Param, Post, Put } from '@nestjs/common';
import { nipParam } from '@app/service-kit';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Open, RequireRoles } from './access.guard';
import { ActivateDto, ChangePasswordDto, LoginDto, RefreshDto, RolesDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Open()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() address: string) {
    return this.auth.login(dto.nip, dto.password, address);
  }

  @Open()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Open()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto) {
    await this.auth.logout(dto.refreshToken);
  }

  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentIdentity() identity: Identity, @Body() dto: ChangePasswordDto) {
    await this.auth.changePassword(identity, dto.currentPassword, dto.newPassword);
  }

  @Open()
  @Post('activate')
  @HttpCode(204)
  async activate(@Body() dto: ActivateDto) {
    await this.auth.activate(dto.nip, dto.code, dto.newPassword);
  }

  @RequireRoles('ADMIN_BKD')
  @Post('accounts/:nip/activation')
  issueActivation(@CurrentIdentity() who: Identity, @Param('nip') nip: string) {
    return this.auth.issueActivation(who, nipParam(nip));
  }

  @RequireRoles('ADMIN_BKD')
  @Put('accounts/:nip/roles')
  setRoles(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: RolesDto) {
    return this.auth.setRoles(who, nipParam(nip), dto.roles);
  }
}
