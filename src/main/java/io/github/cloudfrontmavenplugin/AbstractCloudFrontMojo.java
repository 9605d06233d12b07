package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.CredentialSource;
import io.github.cloudfrontmavenplugin.aws.Endpoints;
import io.github.cloudfrontmavenplugin.aws.Proxies;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.WaitSettings;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The parameters every goal shares, and the one place where core outcomes become Maven's exceptions. */
abstract class AbstractCloudFrontMojo extends AbstractMojo {
    /**
     * Required: what to invalidate: the ID of a CloudFront distribution, such as {@code EDFDVBD6EXAMPLE}; the ID of a
     * distribution tenant, such as {@code dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB}; or a domain name that one of them serves,
     * such as {@code www.example.com}.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.distributionId")
    protected String distributionId;

    /**
     * Wait until CloudFront reports the invalidation {@code Completed}. Polls start about a second apart and grow to
     * about 20 seconds apart.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.wait", defaultValue = "false")
    protected boolean wait;

    /**
     * How long to wait for completion, in seconds.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.waitTimeout", defaultValue = "900")
    protected int waitTimeout;

    /**
     * Fail the build when {@code waitTimeout} passes before the invalidation completes; otherwise warn and pass.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.failOnTimeout", defaultValue = "true")
    protected boolean failOnTimeout;

    /**
     * Write the invalidation to this file as JSON, in the shape {@code aws cloudfront create-invalidation} prints
     * ({@code Location}, {@code Invalidation.Id}, {@code Status}, {@code CreateTime}, {@code InvalidationBatch}).
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.outputFile")
    protected File outputFile;

    /**
     * Send requests to this URL instead of CloudFront's endpoint: an emulator, a test, a VPC endpoint.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.endpoint")
    protected String endpoint;

    /**
     * The signing region: {@code aws-global} everywhere but China, where it is {@code cn-north-1}.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.region", defaultValue = ConnectionSettings.CLOUDFRONT_REGION)
    protected String region;

    /**
     * A profile of the AWS shared config and credentials files. Without it, credentials come from the AWS SDK's
     * default chain: environment variables, web identity token (CI OIDC), {@code AWS_PROFILE}, container and
     * instance roles.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.profile")
    protected String profile;

    /**
     * The {@code <id>} of a {@code <server>} in settings.xml whose username is the AWS access key ID and whose
     * password (encrypted with {@code mvn --encrypt-password}, or not) is the secret access key. It takes precedence
     * over {@code profile} and the default chain.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.serverId")
    protected String serverId;

    /**
     * A role to assume through STS before calling AWS, such as {@code arn:aws:iam::123456789012:role/site-deployer},
     * with the credentials found otherwise. (Web-identity tokens of CI OIDC work without it, through the default
     * chain's {@code AWS_WEB_IDENTITY_TOKEN_FILE} and {@code AWS_ROLE_ARN}.)
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.roleArn")
    protected String roleArn;

    /**
     * The session name of the assumed role, shown in CloudTrail.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.roleSessionName", defaultValue = "cloudfront-maven-plugin")
    protected String roleSessionName;

    /**
     * The external id the role's trust policy asks for, if any.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.externalId")
    protected String externalId;

    /**
     * An STS endpoint instead of AWS's, for {@code roleArn} (tests, emulators).
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.stsEndpoint")
    protected String stsEndpoint;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    private final SettingsDecrypter decrypter;

    protected AbstractCloudFrontMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /**
     * What decides the proxy of every AWS call: the active proxy of settings.xml, the JVM's proxy properties and the
     * proxy environment variables, read here once.
     */
    protected Proxies proxies() throws UserFixableException {
        return Proxies.read(SettingsXml.activeProxy(settings, decrypter), System::getProperty, System::getenv)
                .validated();
    }

    /** A settings.xml server when {@code serverId} names one, else the profile or the SDK's default chain. */
    protected CredentialSource credentialSource() throws UserFixableException {
        CredentialSource base = serverId == null || serverId.isBlank()
                ? CredentialSource.profile(profile).withEnvironment(System::getProperty, System::getenv)
                : SettingsXml.fromServer(settings, decrypter, serverId.strip());
        if (roleArn == null || roleArn.isBlank()) {
            return base;
        }
        if (!roleArn.strip().matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
            throw new UserFixableException("<roleArn> (cloudfront.roleArn) is '" + roleArn + "', which is not an IAM"
                    + " role ARN such as arn:aws:iam::123456789012:role/site-deployer.");
        }
        Optional<URI> sts = Endpoints.parse(
                stsEndpoint, "<stsEndpoint> (cloudfront.stsEndpoint)", "http://localhost:4566", "for AWS STS");
        return base.assuming(new CredentialSource.RoleToAssume(
                roleArn.strip(),
                roleSessionName == null || roleSessionName.isBlank()
                        ? "cloudfront-maven-plugin"
                        : roleSessionName.strip(),
                Optional.ofNullable(externalId).filter(e -> !e.isBlank()),
                sts,
                CredentialSource.RoleToAssume.stsRegionFor(roleArn.strip(), Optional.ofNullable(region))));
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            run(new MavenLogProgress(getLog()));
        } catch (UserFixableException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while talking to CloudFront", e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Unexpected failure of the CloudFront plugin: " + e, e);
        }
    }

    protected abstract void run(Progress progress) throws UserFixableException, InterruptedException;

    protected ConnectionSettings connectionSettings() throws UserFixableException {
        return ConnectionSettings.forCloudFront(region, endpoint, profile)
                .withCredentials(credentialSource())
                .withProxies(proxies());
    }

    protected WaitSettings waitSettings() throws UserFixableException {
        return WaitSettings.of(wait, waitTimeout, failOnTimeout);
    }

    protected Optional<Path> outputPath() {
        return Optional.ofNullable(outputFile).map(File::toPath);
    }
}
