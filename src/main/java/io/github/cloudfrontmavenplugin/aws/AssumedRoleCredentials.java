package io.github.cloudfrontmavenplugin.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Credentials of a role assumed through STS with base credentials, renewed by the SDK before they expire. */
final class AssumedRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable, CallsServices {
    /**
     * Where STS answers for {@code region}, as the SDK addresses it: the region's own host (China's under .cn); the
     * SDK uses AWS's regional endpoints, also for us-east-1.
     */
    static URI endpoint(String region) {
        return URI.create("https://sts." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : ""));
    }

    private final AwsCredentialsProvider base;
    private final StsClient sts;
    private final StsAssumeRoleCredentialsProvider assumed;
    private final List<String> hosts;

    AssumedRoleCredentials(
            AwsCredentialsProvider base, CredentialSource.RoleToAssume role, Proxies proxies, Retries retries) {
        this.base = base;
        List<String> called = new ArrayList<>(CallsServices.of(base));
        called.add(role.stsEndpoint().orElse(endpoint(role.stsRegion())).getHost());
        this.hosts = List.copyOf(called);
        this.sts = AwsClients.configure(
                        StsClient.builder().region(Region.of(role.stsRegion())).credentialsProvider(base),
                        "STS",
                        role.stsEndpoint(),
                        endpoint(role.stsRegion()),
                        proxies,
                        retries)
                .build();
        this.assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> {
                    request.roleArn(role.roleArn()).roleSessionName(role.sessionName());
                    role.externalId().ifPresent(request::externalId);
                })
                .build();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return assumed.resolveCredentials();
    }

    @Override
    public List<String> hosts() {
        return hosts;
    }

    @Override
    public List<Throwable> failedCalls() {
        return CallsServices.failedCallsOf(base);
    }

    @Override
    public void close() {
        assumed.close();
        sts.close();
        IoUtils.closeIfCloseable(base, null);
    }
}
