package io.github.cloudfrontmavenplugin.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileProviderCredentialsContext;
import software.amazon.awssdk.auth.token.credentials.SdkTokenProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.useragent.BusinessMetricFeatureId;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.signin.SigninClient;
import software.amazon.awssdk.services.signin.auth.LoginCredentialsProvider;
import software.amazon.awssdk.services.signin.endpoints.SigninEndpointProvider;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoProfileCredentialsProviderFactory;
import software.amazon.awssdk.services.sso.endpoints.SsoEndpointProvider;
import software.amazon.awssdk.services.sso.internal.SsoAccessTokenProvider;
import software.amazon.awssdk.services.sso.internal.SsoTokenFileUtils;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcTokenProvider;
import software.amazon.awssdk.services.ssooidc.endpoints.SsoOidcEndpointProvider;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

/**
 * The sign-in of a profile of the AWS config file that calls a service of its own: IAM Identity Center ({@code
 * sso_session}, {@code sso_start_url}), with its OIDC service renewing the token, and console sign-in ({@code
 * login_session}). Their clients are the plugin's, with its proxy, trust and retries: the SDK's profile provider builds
 * its own, which know nothing of the settings.xml proxy. Any other profile is read by the SDK.
 */
final class ProfileSignIns {
    /** The property that names an {@code [sso-session ...]} section. */
    private static final String SSO_SESSION = "sso_session";

    private static final String SSO_SESSION_SECTION = "sso-session";

    private ProfileSignIns() {}

    /** Whether the profile signs in through a service of its own, so that {@link #open} builds its clients. */
    static boolean callsAService(Profile profile) {
        return ssoSession(profile).isPresent()
                || profile.property(ProfileProperty.SSO_START_URL).isPresent()
                || profile.property(ProfileProperty.LOGIN_SESSION).isPresent();
    }

    /** The credentials of the profile {@code name} of {@code file}. */
    static AwsCredentialsProvider open(ProfileFile file, String name, Proxies proxies, Retries retries) {
        Optional<Profile> profile = file.profile(name);
        if (profile.isPresent()
                && profile.get().property(ProfileProperty.LOGIN_SESSION).isPresent()) {
            return consoleSignIn(file, profile.get(), proxies, retries);
        }
        if (profile.isPresent() && callsAService(profile.get())) {
            return identityCenter(file, profile.get(), proxies, retries);
        }
        return ProfileCredentialsProvider.builder()
                .profileFile(file)
                .profileName(name)
                .build();
    }

    private static AwsCredentialsProvider identityCenter(
            ProfileFile file, Profile profile, Proxies proxies, Retries retries) {
        Clients clients = new Clients(proxies, retries);
        Optional<String> session = ssoSession(profile);
        Optional<Profile> sessionSection = session.flatMap(s -> file.getSection(SSO_SESSION_SECTION, s));
        Region region = Region.of(sessionSection
                .or(() -> Optional.of(profile))
                .flatMap(p -> p.property(ProfileProperty.SSO_REGION))
                .orElseThrow(() -> new IllegalArgumentException("'sso_region' must be set to use IAM Identity Center"
                        + " credentials in the '" + profile.name() + "' profile.")));
        SdkTokenProvider token;
        String chain;
        if (session.isPresent()) {
            SsoOidcClient oidc = clients.build(
                    SsoOidcClient.builder(),
                    region,
                    "IAM Identity Center OIDC (token renewal)",
                    "SsoOidc",
                    "SSO_OIDC",
                    SsoOidcEndpointProvider.defaultProvider()
                            .resolveEndpoint(p -> p.region(region))
                            .join()
                            .url());
            token = SsoOidcTokenProvider.builder()
                    .sessionName(session.get())
                    .ssoOidcClient(oidc)
                    .build();
            chain = BusinessMetricFeatureId.CREDENTIALS_PROFILE_SSO.value();
        } else {
            // Before sso-session: the token 'aws sso login' cached for the start URL, which cannot be renewed.
            token = new SsoAccessTokenProvider(SsoTokenFileUtils.generateCachedTokenPath(
                    profile.property(ProfileProperty.SSO_START_URL).orElseThrow(),
                    Path.of(UserHomeDirectoryUtils.userHomeDirectory(), ".aws", "sso", "cache")
                            .toString()));
            chain = BusinessMetricFeatureId.CREDENTIALS_PROFILE_SSO_LEGACY.value();
        }
        SsoClient portal = clients.build(
                SsoClient.builder(),
                region,
                "IAM Identity Center portal",
                "Sso",
                "SSO",
                SsoEndpointProvider.defaultProvider()
                        .resolveEndpoint(p -> p.region(region))
                        .join()
                        .url());
        try {
            AwsCredentialsProvider credentials =
                    new SsoProfileCredentialsProviderFactory().create(context(file, profile, chain), token, portal);
            return clients.serving(credentials);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    private static AwsCredentialsProvider consoleSignIn(
            ProfileFile file, Profile profile, Proxies proxies, Retries retries) {
        // The region the profile (or AWS_REGION) names, as the SDK's own sign-in client reads it.
        Region region = DefaultAwsRegionProviderChain.builder()
                .profileFile(() -> file)
                .profileName(profile.name())
                .build()
                .getRegion();
        Clients clients = new Clients(proxies, retries);
        SigninClient signin = clients.build(
                SigninClient.builder()
                        .overrideConfiguration(o -> o.defaultProfileFile(file).defaultProfileName(profile.name())),
                region,
                "AWS Sign-In (console sign-in)",
                "Signin",
                "SIGNIN",
                SigninEndpointProvider.defaultProvider()
                        .resolveEndpoint(p -> p.region(region))
                        .join()
                        .url());
        LoginCredentialsProvider credentials = LoginCredentialsProvider.builder()
                .loginSession(profile.property(ProfileProperty.LOGIN_SESSION).orElseThrow())
                .signinClient(signin)
                .sourceChain(BusinessMetricFeatureId.CREDENTIALS_PROFILE_LOGIN.value())
                .build();
        return clients.serving(credentials);
    }

    private static ProfileProviderCredentialsContext context(ProfileFile file, Profile profile, String chain) {
        return ProfileProviderCredentialsContext.builder()
                .profile(profile)
                .profileFile(file)
                .sourceChain(chain)
                .build();
    }

    private static Optional<String> ssoSession(Profile profile) {
        return profile.property(SSO_SESSION);
    }

    /**
     * Where the SDK sends a service's requests: the endpoint the environment names for it ({@code aws.endpointUrlSso}
     * or {@code AWS_ENDPOINT_URL_SSO}, then {@code aws.endpointUrl} or {@code AWS_ENDPOINT_URL}), else AWS's. The
     * client is left to read these itself; this is for the proxy decision and the log.
     */
    static URI sdkEndpoint(String propertySuffix, String environmentSuffix, URI aws) {
        for (String[] setting : new String[][] {
            {"aws.endpointUrl" + propertySuffix, "AWS_ENDPOINT_URL_" + environmentSuffix},
            {"aws.endpointUrl", "AWS_ENDPOINT_URL"}
        }) {
            String value =
                    Optional.ofNullable(System.getProperty(setting[0])).orElseGet(() -> System.getenv(setting[1]));
            if (value != null && !value.isBlank()) {
                return URI.create(value.strip());
            }
        }
        return aws;
    }

    /** The clients of one sign-in, built with the plugin's proxy, trust and retries, and the hosts they call. */
    private static final class Clients {
        private final Proxies proxies;
        private final Retries retries;
        private final List<SdkAutoCloseable> open = new ArrayList<>();
        private final List<String> hosts = new ArrayList<>();
        private final List<Throwable> failed = new CopyOnWriteArrayList<>();

        Clients(Proxies proxies, Retries retries) {
            this.proxies = proxies;
            this.retries = retries;
        }

        /**
         * An anonymous client in {@code region}: the sign-in services authenticate with the token, not a signature.
         *
         * @param propertySuffix, environmentSuffix how the SDK's endpoint settings name the service: {@link
         *     #sdkEndpoint}
         * @param aws where AWS serves it in {@code region}
         */
        <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C build(
                B builder, Region region, String service, String propertySuffix, String environmentSuffix, URI aws) {
            URI endpoint = sdkEndpoint(propertySuffix, environmentSuffix, aws);
            ExecutionInterceptor recordFailures = new ExecutionInterceptor() {
                @Override
                public void onExecutionFailure(Context.FailedExecution call, ExecutionAttributes attributes) {
                    failed.add(call.exception());
                }
            };
            builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(recordFailures)
                    .build());
            C client = AwsClients.configure(
                            builder.region(region).credentialsProvider(AnonymousCredentialsProvider.create()),
                            service,
                            Optional.empty(),
                            endpoint,
                            proxies,
                            retries)
                    .build();
            open.add(client);
            hosts.add(endpoint.getHost());
            return client;
        }

        /** {@code credentials}, which call these clients, closed with them. */
        AwsCredentialsProvider serving(AwsCredentialsProvider credentials) {
            return new WithClients(credentials, this);
        }

        void close() {
            open.forEach(c -> IoUtils.closeQuietly(c, null));
        }
    }

    private record WithClients(AwsCredentialsProvider provider, Clients clients)
            implements AwsCredentialsProvider, SdkAutoCloseable, CallsServices {
        @Override
        public AwsCredentials resolveCredentials() {
            return provider.resolveCredentials();
        }

        @Override
        public List<String> hosts() {
            return List.copyOf(clients.hosts);
        }

        @Override
        public List<Throwable> failedCalls() {
            return List.copyOf(clients.failed);
        }

        @Override
        public void close() {
            IoUtils.closeIfCloseable(provider, null);
            clients.close();
        }
    }
}
